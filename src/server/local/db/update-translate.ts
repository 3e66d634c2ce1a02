/**
 * CloudBase `update()` data → a MongoDB update modifier for mingo, following
 * the SDK's UpdateSerializer: nested objects are flattened so only the named
 * leaves change (CloudBase's merge mode), plain values become `$set`, and each
 * `db.command` update becomes its operator.
 */
import { isLogicCommand, isQueryCommand, isUpdateCommand, type LocalLogicCommand, type LocalUpdateCommand } from './commands';
import { invalidParam } from './errors';
import { flattenObject } from './flatten';
import { comparisonOperand, translateQuery } from './query-translate';
import { isCommand, isPlainObject, toStoredValue, type Clock, type PlainObject } from './values';

export type MongoModifier = Record<string, PlainObject>;

/** The checks the SDK makes before sending an update (same messages). */
export function assertUpdateArgument(update: unknown): asserts update is PlainObject {
  if (!isPlainObject(update)) throw invalidParam('参数必需是非空对象');
  if (Object.prototype.hasOwnProperty.call(update, '_id')) throw invalidParam('不能更新_id的值');
}

export function translateUpdate(update: unknown, now: Clock): MongoModifier {
  assertUpdateArgument(update);
  const modifier: MongoModifier = {};
  const put = (operator: string, path: string, value: unknown) => {
    (modifier[operator] ??= {})[path] = value;
  };
  for (const [path, value] of Object.entries(flattenObject(update))) {
    if (path.startsWith('$')) {
      if (!isPlainObject(value)) throw invalidParam(`${path} 的参数必须是对象`);
      for (const [rawPath, rawValue] of Object.entries(value)) put(path, rawPath, toStoredValue(rawValue, now));
    } else if (isUpdateCommand(value)) {
      const [operator, operand] = translateUpdateCommand(value, now);
      put(operator, path, operand);
    } else if (isQueryCommand(value) || isLogicCommand(value)) {
      throw invalidParam(`update 中 ${path} 不能使用查询命令`);
    } else {
      put('$set', path, toStoredValue(value, now));
    }
  }
  if (Object.keys(modifier).length === 0) throw invalidParam('参数必需是非空对象');
  return modifier;
}

function translateUpdateCommand(cmd: LocalUpdateCommand, now: Clock): [string, unknown] {
  switch (cmd.operator) {
    case 'inc':
    case 'mul':
      if (typeof cmd.operand !== 'number' || !Number.isFinite(cmd.operand)) {
        throw invalidParam(`${cmd.operator} 的参数必须是数字`);
      }
      return [`$${cmd.operator}`, cmd.operand];
    case 'min':
    case 'max':
      return [`$${cmd.operator}`, toStoredValue(cmd.operand, now)];
    case 'set':
      return ['$set', toStoredValue(cmd.operand, now)];
    case 'remove':
      return ['$unset', ''];
    case 'push':
      return ['$push', pushModifiers(cmd.operand, now)];
    case 'addToSet':
      return ['$addToSet', addToSetOperand(cmd.operand, now)];
    case 'pull':
      return ['$pull', pullCondition(cmd.operand, now)];
  }
}

/** `_.push(v)`, `_.push([v1, v2])` or `_.push({each, position, slice, sort})`. */
function pushModifiers(operand: unknown, now: Clock): PlainObject {
  if (isPlainObject(operand) && Object.prototype.hasOwnProperty.call(operand, 'each')) {
    if (!Array.isArray(operand.each)) throw invalidParam('push 的 each 必须是数组');
    const modifiers: PlainObject = { $each: toStoredValue(operand.each, now) };
    if (operand.position !== undefined) modifiers.$position = operand.position;
    if (operand.slice !== undefined) modifiers.$slice = operand.slice;
    if (operand.sort !== undefined) modifiers.$sort = operand.sort;
    return modifiers;
  }
  return { $each: toStoredValue(Array.isArray(operand) ? operand : [operand], now) };
}

/** `_.addToSet(v)` or `_.addToSet({each: [...]})`. */
function addToSetOperand(operand: unknown, now: Clock): unknown {
  if (isPlainObject(operand) && Object.keys(operand).length === 1 && Array.isArray(operand.each)) {
    return { $each: toStoredValue(operand.each, now) };
  }
  return toStoredValue(operand, now);
}

/** `_.pull(value)`, `_.pull(_.gt(3))`, `_.pull(_.gte(1).and(_.lte(3)))` or `_.pull({field: cond})`. */
function pullCondition(operand: unknown, now: Clock): unknown {
  if (isQueryCommand(operand)) return comparisonOperand(operand, now);
  if (isLogicCommand(operand)) return mergedComparisons(operand, now);
  if (isPlainObject(operand)) return translateQuery(operand, now);
  if (isCommand(operand)) throw invalidParam('pull 的参数不合法');
  return toStoredValue(operand, now);
}

function mergedComparisons(cmd: LocalLogicCommand, now: Clock): PlainObject {
  if (cmd.operator !== 'and') throw invalidParam('pull 只支持值、查询命令或 and 组合的查询命令');
  const merged: PlainObject = {};
  for (const operand of cmd.operands) {
    if (isQueryCommand(operand)) Object.assign(merged, comparisonOperand(operand, now));
    else if (isLogicCommand(operand)) Object.assign(merged, mergedComparisons(operand, now));
    else throw invalidParam('pull 只支持值、查询命令或 and 组合的查询命令');
  }
  return merged;
}
