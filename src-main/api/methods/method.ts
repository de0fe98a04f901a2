import { z } from 'zod';

/** Params that take nothing: an empty object, and nothing else. */
export const none = z.object({}).strict();

export const method = <P extends z.ZodType, R extends z.ZodType>(params: P, result: R) => ({ params, result });
