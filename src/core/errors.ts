/**
 * Business errors: a stable UPPER_SNAKE code and a human (Chinese) message.
 * Thrown by core rules and services; the function kit turns them into the
 * envelope `{ ok: false, error: { code, message, details? } }`.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    // An answer, not a crash: no stack trace (capturing one cost more than the rest of a refused flash-sale buy).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
