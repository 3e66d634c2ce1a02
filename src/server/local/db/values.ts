/** Plain-data helpers shared by the query and update translators. */
import { isLogicCommand, isQueryCommand, isServerDate, isUpdateCommand } from './commands';
import { invalidParam } from './errors';

export type Clock = () => number;
export type PlainObject = Record<string, unknown>;

/** An object literal (not an array, Date, RegExp or command object). */
export function isPlainObject(value: unknown): value is PlainObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function isCommand(value: unknown): boolean {
  return isQueryCommand(value) || isLogicCommand(value) || isUpdateCommand(value);
}

/**
 * Converts a value given by a service into what is stored: server dates and
 * Dates become epoch ms (this project's time format; CloudBase would store a
 * Date), `undefined` fields are dropped as the SDK does, and command objects
 * are refused where plain data is expected.
 */
export function toStoredValue(value: unknown, now: Clock): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isServerDate(value)) return now() + value.offset;
  if (value instanceof Date) return value.getTime();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toStoredValue(item, now)));
  if (isCommand(value)) throw invalidParam('数据中不能包含查询或更新命令 (a command is not a value)');
  if (value instanceof RegExp) return value;
  const stored: PlainObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (item !== undefined) stored[key] = toStoredValue(item, now);
  }
  return stored;
}

/** Reads a dot path the way MongoDB does for sorting: objects by key, arrays by numeric index. */
export function readPath(doc: unknown, path: string): unknown {
  let current: unknown = doc;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as PlainObject)[segment];
  }
  return current;
}
