import { parentPort } from 'node:worker_threads';
import { readSpreadsheet } from '../io/read';
import { pack, type ReadReply } from './read-pack';

// One uploaded spreadsheet read on its own thread: ExcelJS takes seconds on a 50,000-row
// workbook, and in the desktop app the main process (every window's calls) would wait for it.
const port = parentPort;
if (!port) throw new Error('read-worker must run in a worker thread');
port.once('message', (bytes: Uint8Array) => {
  readSpreadsheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    .then((result) => port.postMessage((result.ok ? { ok: true, packed: pack(result.sheets), format: result.format } : { ok: true, result }) satisfies ReadReply))
    .catch((err: unknown) => port.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) } satisfies ReadReply));
});
