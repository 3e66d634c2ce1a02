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

/** Runs `main(event, context)` in-process; rejects with FunctionTimeoutError past the limit. */
export async function invokeFunction(
  fn: LocalFunction,
  event: unknown,
  context: FunctionContext,
  timeoutMs = FUNCTION_TIMEOUT_MS,
): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new FunctionTimeoutError(fn.name, timeoutMs)), timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([Promise.resolve().then(() => fn.main(event, context)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
