import { areaDbPath, lastAreaId } from './areas-store';
import { DatabaseCorruptError, openDatabase, type Db } from '../db';
import type { HandlerContext, PlannerRunner } from './context';
import { AppError } from './errors';
import type { DatabaseProblem } from './methods/backup';

export const APP_VERSION = '0.1.0';
export const DB_FILE_NAME = 'luudong.sqlite';

/**
 * Stands in for a database that could not be used: closing it is a no-op (the shells close
 * `ctx.db` on exit), anything else is refused with the problem and the snapshot on offer.
 */
export function unusableDb(problem: DatabaseProblem): Db {
  return new Proxy({} as Db, {
    get(_target, prop) {
      if (prop === 'close') return () => undefined;
      if (prop === 'open') return false;
      throw new AppError('DB_CORRUPT', problem.message, problem);
    },
  });
}

/**
 * Runs `create` with files it creates readable by this user only (the database, its -wal and
 * -shm, a snapshot taken on the way): the people's data is not for other accounts of the machine.
 * The umask is process-wide but this is synchronous, so nothing else runs meanwhile; a worker
 * thread may not change it, and then the files keep the default.
 */
function privateFiles<T>(create: () => T): T {
  let previous: number | null = null;
  try {
    previous = process.umask(0o077);
  } catch {
    previous = null;
  }
  try {
    return create();
  } finally {
    if (previous !== null) process.umask(previous);
  }
}

/**
 * Opens (creating and seeding on first start) the database in a data folder. A damaged
 * database does not stop the app: it starts in an error state (`dbProblem`) from which the
 * user restores a snapshot (backups.list / backups.restore).
 */
export function createContext(
  dataDir: string,
  mode: HandlerContext['mode'],
  emit: HandlerContext['emit'],
  planner: PlannerRunner,
): HandlerContext {
  return { ...contextFor(areaDbPath(dataDir, lastAreaId(dataDir)), mode, emit, planner), dataDir };
}

/** The same, on a database file of any name (the CLIs' --db). */
export function contextFor(
  dbPath: string,
  mode: HandlerContext['mode'],
  emit: HandlerContext['emit'],
  planner: PlannerRunner,
): HandlerContext {
  let db: Db;
  let dbProblem: DatabaseProblem | null = null;
  try {
    db = privateFiles(() => openDatabase(dbPath));
  } catch (err) {
    if (!(err instanceof DatabaseCorruptError)) throw err;
    dbProblem = { file: err.file, problem: err.problem, message: err.message, newestGood: err.newestGood?.file ?? null };
    db = unusableDb(dbProblem);
  }
  return {
    db, mode, dbPath, version: APP_VERSION, emit, planner, runs: new Map(),
    checkResults: process.env.LUUDONG_CHECK_RESULTS === '1',
    dbProblem,
  };
}
