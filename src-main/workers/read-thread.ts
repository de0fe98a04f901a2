import { readSpreadsheet, type ReadResult } from '../io/read';
import { unpack, type ReadReply } from './read-pack';
import { spawnSibling } from './spawn';

/** Below this a file is read at once: starting a thread would cost more than the reading. */
export const READ_INLINE_BYTES = 256 * 1024;

/**
 * An uploaded spreadsheet's cells, read off the calling thread when it is large enough to
 * matter, so the app keeps answering meanwhile. The same reader, the same limits and answers.
 */
export function readSpreadsheetOffThread(bytes: Buffer): Promise<ReadResult> {
  if (bytes.length < READ_INLINE_BYTES) return readSpreadsheet(bytes);
  return new Promise((resolve, reject) => {
    const worker = spawnSibling('read-worker');
    const finish = (): void => void worker.terminate();
    worker.once('message', (m: ReadReply) => {
      finish();
      if (!m.ok) reject(new Error(m.message));
      else resolve('packed' in m ? { ok: true, format: m.format, sheets: unpack(m.packed) } : m.result);
    });
    worker.once('error', (err) => {
      finish();
      reject(err);
    });
    worker.postMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });
}
