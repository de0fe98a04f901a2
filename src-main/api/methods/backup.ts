import { z } from 'zod';
import { method, none } from './method';

/** Why a snapshot was taken (kept in step with db/backups.ts; the handler checks it compiles). */
export const BACKUP_REASONS = [
  'before-import', 'before-publish', 'before-demo-reset', 'before-migration', 'before-restore', 'manual',
] as const;
export const backupReason = z.enum(BACKUP_REASONS);
export type BackupReasonDto = z.infer<typeof backupReason>;

/**
 * A snapshot's bare file name, and only that: no folder, no `..`, nothing but the names the
 * app gives its snapshots (luudong-<local date and time>-<reason>.sqlite).
 */
export const backupFileName = z
  .string()
  .max(120)
  .regex(new RegExp(`^luudong-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}-(${BACKUP_REASONS.join('|')})\\.sqlite$`), 'not a backup file name');

export const backupInfo = z.object({
  file: backupFileName,
  /** Local time, yyyy-MM-ddTHH:mm:ss. */
  takenAt: z.string(),
  reason: backupReason,
  sizeBytes: z.number().int().nonnegative(),
  /** What the snapshot holds; null when it cannot be read. */
  summary: z.object({
    plans: z.number().int(),
    publishedPlans: z.number().int(),
    hamlets: z.number().int(),
  }).nullable(),
});
export type BackupInfo = z.infer<typeof backupInfo>;

/** The live database could not be used at start (damaged, or not a database): what the user is offered. */
export const databaseProblem = z.object({
  file: z.string(),
  problem: z.string(),
  /** The whole explanation in English (logs, CLI); the screen words it from the fields. */
  message: z.string(),
  newestGood: z.string().nullable(),
});
export type DatabaseProblem = z.infer<typeof databaseProblem>;

export const backupMethods = {
  'backups.list': method(none, z.object({
    folder: z.string(),
    keep: z.number().int(),
    backups: z.array(backupInfo),
    problem: databaseProblem.nullable(),
  })),
  /** A snapshot now, by hand. */
  'backups.create': method(none, backupInfo),
  /** Replaces the live database with a snapshot; the current one is snapshotted first (before-restore). */
  'backups.restore': method(
    z.object({ file: backupFileName, confirm: z.literal(true) }).strict(),
    z.object({ restored: backupFileName, undoFile: backupFileName.nullable(), hamlets: z.number().int(), plans: z.number().int() }),
  ),
} as const;
