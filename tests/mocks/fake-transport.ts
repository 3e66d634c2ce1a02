// A fake of the cloud: `setTransport(fake.transport)` routes `call(fn, action, data)` to
// handlers keyed "fn.action". A handler answers data, or throws `fail(code, message)` for
// an error envelope. Every call is recorded in `calls`.
import type { Transport } from '../../src/api/transport'

export interface FakeCall {
  fn: string
  action: string
  data: Record<string, unknown>
}

export type FakeHandler = (data: any) => unknown

export class FakeFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>
  ) {
    super(message)
  }
}

/** Throw this from a handler to answer `{ ok: false, error: { code, message } }`. */
export const fail = (code: string, message: string, details?: Record<string, unknown>) => new FakeFailure(code, message, details)

export function createFakeTransport(handlers: Record<string, FakeHandler>) {
  const calls: FakeCall[] = []
  const transport: Transport = async (fn, action, data) => {
    calls.push({ fn, action, data: data as Record<string, unknown> })
    const handler = handlers[`${fn}.${action}`]
    if (!handler) return { ok: false, error: { code: 'UNKNOWN_ACTION', message: `no fake for ${fn}.${action}` } }
    try {
      return { ok: true, data: await handler(data) }
    } catch (error) {
      if (error instanceof FakeFailure) return { ok: false, error: { code: error.code, message: error.message, details: error.details } }
      throw error
    }
  }
  return {
    transport,
    calls,
    handlers,
    callsOf: (fn: string, action: string) => calls.filter((c) => c.fn === fn && c.action === action)
  }
}
