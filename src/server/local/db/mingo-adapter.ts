/**
 * mingo, used without its per-call setup costs. `new Query()` from mingo's
 * entry point copies every operator table on each construction, and its
 * `update()` rebuilds an operator context per call; both dominate a
 * single-document operation. Here queries are built on a small prebuilt
 * context (query operators plus the expression operators they use) and
 * updates call mingo's public update operators directly. Semantics are
 * mingo's own; queries using `$expr`/`$where`/`$function` take the full path.
 */
import { Context, Query as FullQuery } from 'mingo';
import { requestFailed } from './errors';
import type { PlainObject } from './values';

import { Query as BaseQuery } from 'mingo/query';
import * as updateOperators from 'mingo/operators/update';
import * as queryOperators from 'mingo/operators/query';
import * as booleanExpressions from 'mingo/operators/expression/boolean';
import * as comparisonExpressions from 'mingo/operators/expression/comparison';

type UpdateOperatorsModule = typeof updateOperators;

const QUERY_CONTEXT = Context.init({
  query: queryOperators,
  expression: { ...booleanExpressions, ...comparisonExpressions },
});

const NEEDS_FULL_CONTEXT = new Set(['$expr', '$where', '$function', '$jsonSchema']);

export interface Matcher {
  test(doc: PlainObject): boolean;
}

export function compileQuery(query: PlainObject): Matcher {
  return mentionsAny(query, NEEDS_FULL_CONTEXT) ? new FullQuery(query) : new BaseQuery(query, { context: QUERY_CONTEXT });
}

type UpdateOperatorName = keyof UpdateOperatorsModule;

/** Applies a MongoDB modifier to `doc` in place; answers the changed paths (empty: nothing changed). */
export function applyModifier(doc: PlainObject, modifier: Record<string, PlainObject>): string[] {
  assertNoPathConflict(modifier);
  const changed: string[] = [];
  for (const [operator, expression] of Object.entries(modifier)) {
    const apply = updateOperators[operator as UpdateOperatorName] as ((expr: PlainObject) => (obj: PlainObject) => string[]) | undefined;
    if (!apply) throw requestFailed(`Unknown update operator: '${operator}'`);
    changed.push(...apply(expression)(doc));
  }
  return changed;
}

/** MongoDB refuses two operators touching the same path or a path and its parent; mingo checks only within one operator. */
function assertNoPathConflict(modifier: Record<string, PlainObject>): void {
  const paths = Object.values(modifier)
    .flatMap((expression) => Object.keys(expression))
    .sort();
  for (let i = 1; i < paths.length; i += 1) {
    const [previous, current] = [paths[i - 1], paths[i]];
    if (current === previous || current.startsWith(`${previous}.`)) {
      throw requestFailed(`Updating the path '${current}' would create a conflict at '${previous}'`);
    }
  }
}

function mentionsAny(value: unknown, keys: Set<string>): boolean {
  if (Array.isArray(value)) return value.some((item) => mentionsAny(item, keys));
  if (value === null || typeof value !== 'object' || value instanceof RegExp) return false;
  return Object.entries(value).some(([key, item]) => keys.has(key) || mentionsAny(item, keys));
}
