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
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
