import { join } from 'node:path';
import { openDatabase } from '../db';
import type { HandlerContext, PlannerRunner } from './context';

export const APP_VERSION = '0.1.0';
export const DB_FILE_NAME = 'luudong.sqlite';

/** Opens (creating and seeding on first start) the database in a data folder. */
export function createContext(
  dataDir: string,
  mode: HandlerContext['mode'],
  emit: HandlerContext['emit'],
  planner: PlannerRunner,
): HandlerContext {
  const dbPath = join(dataDir, DB_FILE_NAME);
  return {
    db: openDatabase(dbPath), mode, dbPath, version: APP_VERSION, emit, planner, runs: new Map(),
    checkResults: process.env.LUUDONG_CHECK_RESULTS === '1',
  };
}
