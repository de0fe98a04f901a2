import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const renderer = join(__dirname, '../../src-renderer');

/** Every source and translation file of the renderer. */
function rendererFiles(at = renderer): string[] {
  return readdirSync(at, { withFileTypes: true }).flatMap((entry) => {
    const path = join(at, entry.name);
    if (entry.isDirectory()) return rendererFiles(path);
    return /\.(tsx?|json|html|css)$/.test(entry.name) ? [path] : [];
  });
}

describe('the interface text', () => {
  // An offline machine without an emoji font shows emoji as empty boxes (the pin did, on
  // Debian): signs are drawn as SVG (src-renderer/lib/icons.tsx).
  it('uses no emoji', () => {
    const found = rendererFiles().flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\p{Extended_Pictographic}/gu)]
      .filter((m) => m[0].codePointAt(0)! > 0xffff)
      .map((m) => `${file.slice(renderer.length + 1)}: ${m[0]}`));
    expect(found).toEqual([]);
  });
});
