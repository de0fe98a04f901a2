/**
 * Times an import of 10,000 new hamlets (tests/fixtures/import/big-10000.xlsx) into a fresh
 * demo database: the preview (read + check + plan, nothing written) and the confirmed import
 * (read again, check again, write in one transaction with its undo journal). Also the same
 * rows as CSV, and the undo of the import. Usage: npx tsx scripts/bench-import.ts
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../src-main/api/app-context';
import type { FileDownload, ImportPreview, JournalEntryDto } from '../src-main/api/contract';
import { dispatch } from '../src-main/api/dispatch';
import { handlers } from '../src-main/api/handlers';

const FILE = join(__dirname, '../tests/fixtures/import/big-10000.xlsx');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'luudong-bench-'));
  const ctx = createContext(dir, 'web', () => undefined, { start: () => { throw new Error('no planning in this benchmark'); } });
  const rpc = async <T>(method: string, params: unknown): Promise<T> => {
    const env = await dispatch(handlers, method, params, ctx);
    if (!env.ok) throw new Error(`${method}: ${env.error.message}`);
    return env.value as T;
  };
  const time = async <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const out = await run();
    console.log(`${label.padEnd(42)} ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    return out;
  };
  try {
    const base64 = readFileSync(FILE).toString('base64');
    const upload = { list: 'hamlets', fileName: 'big-10000.xlsx', base64 };
    const p = await time('preview 10,000 hamlets (xlsx)', () => rpc<ImportPreview>('import.preview', upload));
    if (p.counts.adds !== 10_000 || p.counts.rejects) throw new Error(`unexpected preview: ${JSON.stringify(p.counts)}`);
    await time('import 10,000 hamlets (xlsx, confirmed)', () =>
      rpc('import.confirm', { ...upload, expected: { adds: p.counts.adds, updates: p.counts.updates } }));
    const csv = await time('export 10,152 hamlets (csv)', () => rpc<FileDownload>('export.list', { list: 'hamlets', format: 'csv' }));
    const again = await time('preview the export again (csv, 0 changes)', () =>
      rpc<ImportPreview>('import.preview', { list: 'hamlets', fileName: csv.fileName, base64: csv.base64 }));
    if (again.counts.adds + again.counts.updates + again.counts.rejects) throw new Error(`round trip changed: ${JSON.stringify(again.counts)}`);
    const { entry } = await rpc<{ entry: JournalEntryDto }>('undo.peek', {});
    await time('undo the import', () => rpc('undo.last', { id: entry.id }));
  } finally {
    ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
