import type { ErrorCode } from './contract';

/** An error a handler raises on purpose; its code reaches the UI, which translates it. */
export class AppError extends Error {
  constructor(readonly code: ErrorCode, message: string, readonly details?: unknown) {
    super(message);
  }
}
