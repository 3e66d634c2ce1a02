/**
 * CloudBase `where()` conditions → a MongoDB query for mingo, following the
 * SDK's QuerySerializer: nested objects are flattened to dot paths, field
 * commands become `{path: {$op: value}}`, logic commands become `$and`/`$or`
 * (over whole queries, or over one field's conditions when used as a value).
 */
import { isLogicCommand, isQueryCommand, type LocalLogicCommand, type LocalQueryCommand } from './commands';
import { invalidParam } from './errors';
import { flattenObject } from './flatten';
import { isPlainObject, toStoredValue, type Clock, type PlainObject } from './values';

export type MongoQuery = PlainObject;

const MONGO_OPERATOR: Record<LocalQueryCommand['operator'], string> = {
  eq: '$eq',
  neq: '$ne',
  gt: '$gt',
  gte: '$gte',
  lt: '$lt',
  lte: '$lte',
  in: '$in',
  nin: '$nin',
  exists: '$exists',
};

/** Checks what `where()` accepts, synchronously, with the SDK's messages. */
export function assertWhereArgument(query: unknown): void {
  if (isLogicCommand(query)) return;
  if (!isPlainObject(query)) throw invalidParam('查询参数必须为对象');
  const keys = Object.keys(query);
  if (keys.length > 0 && keys.every((key) => query[key] === undefined)) {
    throw invalidParam('查询参数对象值不能均为undefined');
  }
}

export function translateQuery(query: unknown, now: Clock): MongoQuery {
  if (query === undefined) return {};
  if (isLogicCommand(query)) return translateLogic(query, undefined, now);
  if (isPlainObject(query)) return translateQueryObject(query, now);
  throw invalidParam('查询参数必须为对象');
}

/** `{$gt: 1}` for `_.gt(1)`; also used by `_.pull(_.gt(1))`. */
export function comparisonOperand(cmd: LocalQueryCommand, now: Clock): PlainObject {
  if ((cmd.operator === 'in' || cmd.operator === 'nin') && !Array.isArray(cmd.operand)) {
    throw invalidParam(`${cmd.operator} 的参数必须是数组 (must be array)`);
  }
  if (cmd.operator === 'exists' && typeof cmd.operand !== 'boolean') {
    throw invalidParam('exists 的参数必须是布尔值 (must be boolean)');
  }
  return { [MONGO_OPERATOR[cmd.operator]]: toStoredValue(cmd.operand, now) };
}

function translateQueryObject(query: PlainObject, now: Clock): MongoQuery {
  const flat = flattenObject(query);
  const result: MongoQuery = {};
  for (const [key, value] of Object.entries(flat)) {
    if (key.startsWith('$')) {
      mergeCondition(result, { [key]: translateRawOperator(key, value, now) });
    } else if (isQueryCommand(value)) {
      result[key] = comparisonOperand(value, now);
    } else if (isLogicCommand(value)) {
      mergeCondition(result, translateLogic(value, key, now));
    } else {
      result[key] = toStoredValue(value, now);
    }
  }
  return result;
}

function translateLogic(cmd: LocalLogicCommand, field: string | undefined, now: Clock): MongoQuery {
  if (cmd.operands.length === 0) throw invalidParam(`${cmd.operator} 至少需要一个条件`);
  const operands = cmd.operands.map((operand): MongoQuery => {
    if (isLogicCommand(operand)) return translateLogic(operand, field, now);
    if (isQueryCommand(operand)) {
      if (field === undefined) throw invalidParam('Cannot encode a comparison command with unset field name');
      return { [field]: comparisonOperand(operand, now) };
    }
    if (isPlainObject(operand)) return translateQueryObject(operand, now);
    if (field === undefined) throw invalidParam('逻辑命令的条件必须是查询对象或查询命令');
    return { [field]: toStoredValue(operand, now) };
  });
  return { [`$${cmd.operator}`]: operands };
}

/** Raw `$and`/`$or`/`$nor` given by hand still get their sub-queries translated. */
function translateRawOperator(key: string, value: unknown, now: Clock): unknown {
  if ((key === '$and' || key === '$or' || key === '$nor') && Array.isArray(value)) {
    return value.map((item) => translateQuery(item, now));
  }
  return toStoredValue(value, now);
}

/** Two `$and` lists at the same level are concatenated, as the SDK's mergeConditionAfterEncode does. */
function mergeCondition(target: MongoQuery, condition: MongoQuery): void {
  for (const [key, value] of Object.entries(condition)) {
    const existing = target[key];
    target[key] = Array.isArray(existing) && Array.isArray(value) ? [...existing, ...value] : value;
  }
}
