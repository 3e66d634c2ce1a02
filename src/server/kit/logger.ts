import type { Logger } from './types';

/** A logger that adds `fields` (request id, action) to every line. */
export function withFields(log: Logger, fields: Record<string, unknown>): Logger {
  return {
    info: (message, more) => log.info(message, { ...fields, ...more }),
    warn: (message, more) => log.warn(message, { ...fields, ...more }),
    error: (message, more) => log.error(message, { ...fields, ...more }),
  };
}

/** One JSON object per line on the console: what CloudBase's log search indexes. */
export function createJsonConsoleLogger(base: Record<string, unknown> = {}, clock: () => number = Date.now): Logger {
  const write = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => {
    const line = safeStringify({ level, time: clock(), message, ...base, ...fields });
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
  };
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}

function safeStringify(value: Record<string, unknown>): string {
  try {
    return JSON.stringify(value);
  } catch {
    return JSON.stringify({ level: value.level, time: value.time, message: value.message, unserialisable: true });
  }
}
