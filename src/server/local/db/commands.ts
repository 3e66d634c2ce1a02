/**
 * The objects `db.command` and `db.serverDate()` make. They only record what
 * was asked; query-translate.ts and update-translate.ts turn them into MongoDB
 * operators for mingo, as CloudBase's server does.
 */
import type { DbCommand, LogicCommand, QueryCommand, ServerDate, UpdateCommand } from '../../db';

export type ComparisonOperator = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists';
export type LogicOperator = 'and' | 'or';
export type UpdateOperator = 'inc' | 'mul' | 'min' | 'max' | 'set' | 'remove' | 'push' | 'pull' | 'addToSet';

/** `_.and(a, b)`, `_.and([a, b])` and the chained forms all take either spelling. */
function spread(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? [...args[0]] : args;
}

export class LocalQueryCommand implements QueryCommand {
  readonly __queryCommand = true as const;
  constructor(
    readonly operator: ComparisonOperator,
    readonly operand: unknown,
  ) {}
  and(...conditions: unknown[]): LocalLogicCommand {
    return new LocalLogicCommand('and', [this, ...spread(conditions)]);
  }
  or(...conditions: unknown[]): LocalLogicCommand {
    return new LocalLogicCommand('or', [this, ...spread(conditions)]);
  }
}

/** A logic command over whole queries (`_.or({a: 1}, {b: 2})`) or over field conditions (`_.gt(1).and(_.lt(5))`). */
export class LocalLogicCommand implements LogicCommand, QueryCommand {
  readonly __logicCommand = true as const;
  readonly __queryCommand = true as const;
  constructor(
    readonly operator: LogicOperator,
    readonly operands: unknown[],
  ) {}
  and(...conditions: unknown[]): LocalLogicCommand {
    return new LocalLogicCommand('and', [this, ...spread(conditions)]);
  }
  or(...conditions: unknown[]): LocalLogicCommand {
    return new LocalLogicCommand('or', [this, ...spread(conditions)]);
  }
}

export class LocalUpdateCommand implements UpdateCommand {
  readonly __updateCommand = true as const;
  constructor(
    readonly operator: UpdateOperator,
    readonly operand: unknown,
  ) {}
}

/**
 * CloudBase stores a server date as a BSON Date. This project keeps every time
 * as epoch milliseconds, so the local engine resolves a server date to the
 * number `now() + offset` when it is written or compared.
 */
export class LocalServerDate implements ServerDate {
  readonly __serverDate = true as const;
  constructor(readonly offset: number) {}
}

export function isQueryCommand(value: unknown): value is LocalQueryCommand {
  return value instanceof LocalQueryCommand;
}
export function isLogicCommand(value: unknown): value is LocalLogicCommand {
  return value instanceof LocalLogicCommand;
}
export function isUpdateCommand(value: unknown): value is LocalUpdateCommand {
  return value instanceof LocalUpdateCommand;
}
export function isServerDate(value: unknown): value is LocalServerDate {
  return value instanceof LocalServerDate;
}

export function serverDate(options?: { offset?: number }): LocalServerDate {
  return new LocalServerDate(options?.offset ?? 0);
}

export const command: DbCommand = {
  eq: (value) => new LocalQueryCommand('eq', value),
  neq: (value) => new LocalQueryCommand('neq', value),
  gt: (value) => new LocalQueryCommand('gt', value),
  gte: (value) => new LocalQueryCommand('gte', value),
  lt: (value) => new LocalQueryCommand('lt', value),
  lte: (value) => new LocalQueryCommand('lte', value),
  in: (values) => new LocalQueryCommand('in', values),
  nin: (values) => new LocalQueryCommand('nin', values),
  exists: (present) => new LocalQueryCommand('exists', present),
  and: (...conditions) => new LocalLogicCommand('and', spread(conditions)),
  or: (...conditions) => new LocalLogicCommand('or', spread(conditions)),
  inc: (amount) => new LocalUpdateCommand('inc', amount),
  mul: (factor) => new LocalUpdateCommand('mul', factor),
  min: (value) => new LocalUpdateCommand('min', value),
  max: (value) => new LocalUpdateCommand('max', value),
  set: (value) => new LocalUpdateCommand('set', value),
  remove: () => new LocalUpdateCommand('remove', undefined),
  push: (value) => new LocalUpdateCommand('push', value),
  pull: (value) => new LocalUpdateCommand('pull', value),
  addToSet: (value) => new LocalUpdateCommand('addToSet', value),
};
