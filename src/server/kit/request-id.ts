import { randomBytes } from 'crypto';
import type { FunctionContext } from './types';

/** CloudBase's request id when it gave one, otherwise a fresh one (local calls, tests). */
export function requestIdOf(context: FunctionContext | null | undefined): string {
  const given = context?.request_id ?? context?.requestId;
  if (typeof given === 'string' && given !== '') return given;
  return `local-${randomBytes(8).toString('hex')}`;
}
