import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Noto Serif (SIL OFL, resources/fonts/OFL.txt): a serif with every Vietnamese letter and
 * tone mark, close to the Times New Roman that offices use. Debian's Liberation Serif 1.07
 * lacks the Vietnamese block, so it cannot stand in for Times here.
 */
export const SERIF = 'NotoSerif';
const FILES = {
  normal: 'NotoSerif-Regular.ttf',
  bold: 'NotoSerif-Bold.ttf',
  italics: 'NotoSerif-Italic.ttf',
  bolditalics: 'NotoSerif-BoldItalic.ttf',
} as const;

/** The same code runs from sources (tsx) and from the electron-vite bundle (out/main). */
export function fontsDir(): string {
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  const candidates = [
    join(__dirname, '../../resources/fonts'),
    join(__dirname, '../resources/fonts'),
    ...(packaged ? [join(packaged, 'resources/fonts')] : []),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, FILES.normal)));
  if (!found) throw new Error(`Roster fonts not found; looked in: ${candidates.join(', ')}`);
  return resolve(found);
}

export type FontFiles = Record<keyof typeof FILES, string>;

export function serifFontFiles(dir = fontsDir()): FontFiles {
  return {
    normal: join(dir, FILES.normal),
    bold: join(dir, FILES.bold),
    italics: join(dir, FILES.italics),
    bolditalics: join(dir, FILES.bolditalics),
  };
}
