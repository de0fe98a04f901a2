import { z } from 'zod';
import { contract, isMethod, type Contract, type Envelope, type MethodName, type RpcError } from './contract';
import type { HandlerContext } from './context';
import { AppError } from './errors';
import { DbRefusal } from '../db/refusal';

export type Handler<M extends MethodName> = (
  params: z.infer<Contract[M]['params']>,
  ctx: HandlerContext,
) => z.infer<Contract[M]['result']> | Promise<z.infer<Contract[M]['result']>>;

/** A missing or mistyped handler is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

/** At most this many issues are told back, each path segment cut short: a caller's 1 MB key or 100,000 bad items are not echoed. */
const MAX_ISSUES_TOLD = 20;
const MAX_SEGMENT = 60;

const shortSegment = (segment: PropertyKey): string | number => {
  if (typeof segment === 'number') return segment;
  const text = String(segment);
  return text.length > MAX_SEGMENT ? `${text.slice(0, MAX_SEGMENT)}…` : text;
};

/** The issues as told to the caller: the first few, with short paths and no input values. */
function toldIssues(error: z.ZodError): Array<{ code: string; path: Array<string | number>; message: string }> {
  return error.issues.slice(0, MAX_ISSUES_TOLD).map((i) => ({ code: i.code, path: i.path.map(shortSegment), message: i.message.slice(0, 300) }));
}

function describeIssues(error: z.ZodError): string {
  const told = toldIssues(error).map((i) => `${i.path.length ? i.path.join('.') : '(params)'}: ${i.message}`).join('; ');
  const more = error.issues.length - MAX_ISSUES_TOLD;
  return more > 0 ? `${told}; and ${more} more` : told;
}

/** Absolute file paths (POSIX or Windows) inside a message. */
const ABSOLUTE_PATH = /(?<![\w.])\/(?:[^\s/'"`():]+\/)+[^\s/'"`():]*|\b[A-Za-z]:\\(?:[^\s\\'"`():]+\\)*[^\s\\'"`():]*/g;

/**
 * An exception no handler raised on purpose says what failed, not where: its first line only
 * (never a stack), with server paths left out (web mode must not tell a caller where files live).
 */
export function plainMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : 'unknown error';
  return (text.split('\n')[0] ?? '').replace(ABSOLUTE_PATH, '…').slice(0, 500);
}

function toRpcError(err: unknown): RpcError {
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'DB_TOO_NEW' || code === 'NO_CAMPAIGN') return { code, message: plainMessage(err) };
  if (err instanceof DbRefusal) return { code: err.code, message: err.message, details: err.details };
  return { code: 'INTERNAL', message: plainMessage(err) };
}

/** Validates, runs, validates the answer: the same path for IPC and HTTP. */
export async function dispatch(handlers: Handlers, method: string, params: unknown, ctx: HandlerContext): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'BAD_METHOD', message: `Unknown method: ${method}` } };
  const spec = contract[method];
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'BAD_PARAMS', message: `${method}: ${describeIssues(parsed.error)}`, details: toldIssues(parsed.error) },
    };
  }
  try {
    const handler = handlers[method] as (p: unknown, c: HandlerContext) => unknown;
    const value = await handler(parsed.data, ctx);
    // Params come from outside and are always checked. Results come from our own handlers:
    // checked in tests and E2E (a contract drift fails there), not in daily use, where a
    // province-scale plan would spend a second in the check.
    if (!ctx.checkResults) return { ok: true, value };
    const checked = spec.result.safeParse(value);
    if (!checked.success) {
      return { ok: false, error: { code: 'INTERNAL', message: `${method} returned a bad result: ${describeIssues(checked.error)}` } };
    }
    return { ok: true, value: checked.data };
  } catch (err) {
    return { ok: false, error: toRpcError(err) };
  }
}
