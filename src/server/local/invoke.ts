import type { FunctionContext } from '../kit/types';
import type { LocalFunction } from './functions';

/** CloudBase stops a call after 60 s. */
export const FUNCTION_TIMEOUT_MS = 60_000;

export class FunctionTimeoutError extends Error {
  constructor(functionName: string, timeoutMs: number) {
    super(`${functionName} did not finish within ${timeoutMs} ms`);
    this.name = 'FunctionTimeoutError';
  }
}

interface PendingCall {
  deadline: number;
  expire(): void;
}

/**
 * Calls still running, per limit, watched by ONE timer that ticks every
 * limit/20 (10 ms to 1 s) while any is pending: a timer of its own per call
 * cost more than the rest of a small call's routing. A call is stopped
 * between its limit and one tick later (60 s + at most 1 s).
 */
const watchers = new Map<number, { calls: Set<PendingCall>; ticker: NodeJS.Timeout }>();

function watch(timeoutMs: number, call: PendingCall): () => void {
  let watcher = watchers.get(timeoutMs);
  if (!watcher) {
    const calls = new Set<PendingCall>();
    const ticker = setInterval(() => {
      const now = performance.now();
      for (const pending of calls) {
        if (pending.deadline > now) continue;
        calls.delete(pending);
        pending.expire();
      }
      if (calls.size === 0) {
        clearInterval(ticker);
        watchers.delete(timeoutMs);
      }
    }, Math.min(1000, Math.max(10, Math.floor(timeoutMs / 20))));
    ticker.unref();
    watcher = { calls, ticker };
    watchers.set(timeoutMs, watcher);
  }
  const { calls } = watcher;
  calls.add(call);
  return () => calls.delete(call);
}

/** Runs `main(event, context)` in-process; rejects with FunctionTimeoutError past the limit. */
export function invokeFunction(
  fn: LocalFunction,
  event: unknown,
  context: FunctionContext,
  timeoutMs = FUNCTION_TIMEOUT_MS,
): Promise<unknown> {
  return new Promise<unknown>((resolve, reject) => {
    const unwatch = watch(timeoutMs, { deadline: performance.now() + timeoutMs, expire: () => reject(new FunctionTimeoutError(fn.name, timeoutMs)) });
    Promise.resolve()
      .then(() => fn.main(event, context))
      .then(
        (result) => {
          unwatch();
          resolve(result);
        },
        (error: unknown) => {
          unwatch();
          reject(error);
        },
      );
  });
}
