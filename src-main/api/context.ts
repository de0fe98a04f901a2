import type { Db } from '../db';

export interface HandlerContext {
  db: Db;
  mode: 'desktop' | 'web';
  dbPath: string;
  version: string;
  /** Sends a progress event to the window that made the call. */
  emit: (event: { topic: string; payload: unknown }) => void;
}
