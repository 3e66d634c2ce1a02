/** Checks and conversions for the documents given to `add` and `set`, with the SDK's messages. */
import { isUpdateCommand } from './commands';
import { invalidParam, requestFailed } from './errors';
import { isPlainObject, toStoredValue, type Clock, type PlainObject } from './values';

export function prepareAddData(data: unknown, now: Clock): PlainObject {
  if (!isPlainObject(data)) throw invalidParam('参数必需是非空对象 (add takes one document)');
  return toStoredValue(data, now) as PlainObject;
}

/** `set` replaces the document: no `_id` in the data, and no update commands (the SDK's "update operator complicit"). */
export function prepareSetData(data: unknown, now: Clock): PlainObject {
  if (!isPlainObject(data)) throw invalidParam('参数必需是非空对象');
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw invalidParam('不能更新_id的值');
  if (containsUpdateCommand(data)) throw requestFailed('update operator complicit');
  return toStoredValue(data, now) as PlainObject;
}

function containsUpdateCommand(value: unknown): boolean {
  if (isUpdateCommand(value)) return true;
  if (Array.isArray(value)) return value.some(containsUpdateCommand);
  if (isPlainObject(value)) return Object.values(value).some(containsUpdateCommand);
  return false;
}
