import type { FunctionContext } from './types';

/**
 * The caller's openid from CloudBase's function context, without the SDK.
 *
 * CloudBase passes either `environ` ("KEY=value;KEY=value", older runtimes) or
 * `environment` (a JSON object string, newer runtimes). A value may contain
 * '=' (split on the first one only); an empty WX_OPENID means no caller.
 */
export function openidFromContext(context: FunctionContext | null | undefined): string | null {
  if (!context || typeof context !== 'object') return null;
  const fromEnvironment = readEnvironmentJson(context.environment);
  if (fromEnvironment !== undefined) return nonEmpty(fromEnvironment);
  if (typeof context.environ !== 'string') return null;
  return nonEmpty(readEnvironValue(context.environ, 'WX_OPENID'));
}

function readEnvironmentJson(environment: unknown): unknown {
  if (typeof environment !== 'string' || environment === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(environment);
    if (!parsed || typeof parsed !== 'object') return undefined;
    return (parsed as Record<string, unknown>).WX_OPENID ?? null;
  } catch {
    return undefined;
  }
}

function readEnvironValue(environ: string, key: string): string | null {
  for (const pair of environ.split(';')) {
    const equals = pair.indexOf('=');
    if (equals < 0) continue;
    if (pair.slice(0, equals).trim() === key) return pair.slice(equals + 1);
  }
  return null;
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}
