/** A refused call: the server's stable code and its Chinese message, or a network failure. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The request never got an answer (offline, server down, timeout). */
  get isNetwork(): boolean {
    return this.code === NETWORK_ERROR;
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

export const networkError = (cause?: unknown) =>
  new ApiError(NETWORK_ERROR, '网络不给力，请稍后重试', cause instanceof Error ? { cause: cause.message } : undefined);
