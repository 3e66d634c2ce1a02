import type { Logger } from '../kit/types';

const levels = { silent: 0, error: 1, warn: 2, info: 3, debug: 4 } as const;
export type LogLevel = keyof typeof levels;

/** SIYU_LOG picks the level; under jest only errors print unless SIYU_LOG says otherwise. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const requested = env.SIYU_LOG?.toLowerCase();
  if (requested && requested in levels) return requested as LogLevel;
  return env.JEST_WORKER_ID ? 'error' : 'info';
}

export interface LocalLogger extends Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
}

/** One JSON object per line: errors and warnings to stderr, the rest to stdout. */
export function createConsoleLogger(level: LogLevel = logLevelFromEnv()): LocalLogger {
  const threshold = levels[level];
  const write = (lineLevel: Exclude<LogLevel, 'silent'>, message: string, fields?: Record<string, unknown>) => {
    if (levels[lineLevel] > threshold) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level: lineLevel, msg: message, ...serializable(fields) });
    (lineLevel === 'error' || lineLevel === 'warn' ? process.stderr : process.stdout).write(line + '\n');
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

/** Errors do not survive JSON.stringify; keep their name, message and stack. */
function serializable(fields?: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!fields) return fields;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value;
  }
  return out;
}
