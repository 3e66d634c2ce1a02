/** The answer of every cloud function, the same on CloudBase and on the local cloud. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  /** Present on INTERNAL errors: quote it when reporting a problem. */
  requestId?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

/** Codes the function kit itself answers. Business codes come from services. */
export const KitErrorCode = {
  InvalidArgument: 'INVALID_ARGUMENT',
  UnknownAction: 'UNKNOWN_ACTION',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  /** A transaction still conflicted after CloudBase's re-runs: nothing was written, retry later. */
  Busy: 'BUSY',
  Internal: 'INTERNAL',
} as const;
