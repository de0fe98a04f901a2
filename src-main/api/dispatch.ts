import { z } from 'zod';
import { contract, isMethod, type Contract, type Envelope, type MethodName, type RpcError } from './contract';
import type { HandlerContext } from './context';
import { AppError } from './errors';

export type Handler<M extends MethodName> = (
  params: z.infer<Contract[M]['params']>,
  ctx: HandlerContext,
) => z.infer<Contract[M]['result']> | Promise<z.infer<Contract[M]['result']>>;

/** A missing or mistyped handler is a compile error. */
export type Handlers = { [M in MethodName]: Handler<M> };

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(params)'}: ${i.message}`).join('; ');
}

function toRpcError(err: unknown): RpcError {
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details };
  const code = (err as { code?: unknown }).code;
  if (code === 'DB_TOO_NEW' || code === 'NO_CAMPAIGN') return { code, message: (err as Error).message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** Validates, runs, validates the answer: the same path for IPC and HTTP. */
export async function dispatch(handlers: Handlers, method: string, params: unknown, ctx: HandlerContext): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return { ok: false, error: { code: 'BAD_METHOD', message: `Unknown method: ${method}` } };
  const spec = contract[method];
  const parsed = spec.params.safeParse(params ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'BAD_PARAMS', message: `${method}: ${describeIssues(parsed.error)}`, details: parsed.error.issues },
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
