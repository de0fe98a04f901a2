/**
 * The one contract between the renderer and the main process (IPC in desktop, POST /rpc in
 * web mode). Every method is listed once with zod schemas for its params and result;
 * handlers are typed from it and both sides validate at run time. Methods are grouped by
 * feature in ./methods; this file puts them together.
 */
import type { z } from 'zod';
import { areaMethods } from './methods/areas';
import { backupMethods } from './methods/backup';
import { coreMethods } from './methods/core';
import { holidayMethods } from './methods/holidays';
import { planMethods } from './methods/plan';
import { registerMethods } from './methods/register';
import { resultsMethods } from './methods/results';
import { rosterMethods } from './methods/roster';
import { scenarioMethods } from './methods/scenario';

export * from './methods/areas';
export * from './methods/backup';
export * from './methods/core';
export * from './methods/holidays';
export * from './methods/plan';
export * from './methods/register';
export * from './methods/results';
export * from './methods/roster';
export * from './methods/scenario';

export const contract = {
  ...coreMethods,
  ...planMethods,
  ...registerMethods,
  ...rosterMethods,
  ...scenarioMethods,
  ...resultsMethods,
  ...backupMethods,
  ...holidayMethods,
  ...areaMethods,
} as const;


export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Params<M extends MethodName> = z.input<Contract[M]['params']>;
export type Result<M extends MethodName> = z.infer<Contract[M]['result']>;

export const ERROR_CODES = [
  'BAD_METHOD', 'BAD_PARAMS', 'NOT_FOUND', 'CONFLICT', 'DB_TOO_NEW', 'NO_CAMPAIGN', 'CANCELLED', 'UNAUTHORIZED', 'INTERNAL',
  'DB_CORRUPT', 'BACKUP_FAILED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export const isMethod = (name: string): name is MethodName => Object.prototype.hasOwnProperty.call(contract, name);
