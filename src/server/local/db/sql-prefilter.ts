/**
 * Pushes the simple parts of a MongoDB query down to SQL so SQLite can use
 * the primary key and the declared indexes (`null` as IS NULL). The SQL condition is only a
 * prefilter: it must select a superset of the matches, and mingo then decides
 * exactly. Pushed: equality, `$in` of scalars, numeric ranges and ranges
 * against strings that order alike in UTF-8 and UTF-16 (day keys like
 * '2026-12-01', CJK nicknames; an upper bound beyond them, such as the
 * pickers' `q + '\uffff'`, is widened to one that does), on `_id`
 * and on pushable indexed paths, from the top level and from `$and` branches.
 *
 * When every condition was pushed and SQL decides it exactly as mingo would,
 * the filter says so (`exact`): then SQLite alone can count the matches (from
 * the index, without reading a document) and apply skip and limit. Exact are
 * equality and `$in` of strings on a non-multikey path (a string equals a
 * JSON string only; an object or array reads back as JSON text starting with
 * `{` or `[`, so such operands are left out), and any string on `_id`.
 * Number equality and ranges (of numbers, or of order-safe strings) are exact
 * behind a type guard, as mingo compares only values of one type: json_extract
 * reads JSON true/false as 1/0 and an object as JSON text that can fall inside
 * string bounds, so `json_type` keeps numbers to numbers and strings to text.
 * The guard reads the row (SQLite still counts, no document is parsed in
 * JavaScript); none is needed, and an index alone can count, for a number
 * other than 0 and 1, or for string bounds on both sides below `{`.
 * A string or `$in` of strings on a declared multikey path is pushed, exactly,
 * to the index's key table (indexes.ts).
 */
import type { CollectionCatalog } from './catalog';
import type { IndexSpec } from '../../schema';
import { fieldExpression, fieldType, multikeyTable } from './indexes';
import { quoteIdentifier } from './names';
import type { MongoQuery } from './query-translate';
import { isPlainObject } from './values';

export interface SqlFilter {
  /** `''` when nothing could be pushed (a full scan). */
  where: string;
  params: Array<string | number>;
  /** Every condition is in `where` and SQL selects exactly the documents mingo matches. */
  exact: boolean;
}

type Scalar = string | number | boolean;

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

export function buildPrefilter(collection: string, query: MongoQuery, catalog: CollectionCatalog): SqlFilter {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  let exact = true;
  // Per path, across `$and` branches: the types a guard must keep, and which string bounds it has.
  const guards = new Map<string, Set<GuardedType>>();
  const textBounds = new Map<string, { lower: boolean; upperBelowObjects: boolean }>();
  collect(query);
  for (const [path, bounds] of textBounds) {
    // A string lower bound keeps numbers (below all text in SQLite) out, an upper bound at most '{' objects' JSON text.
    if (bounds.lower && bounds.upperBelowObjects && guards.get(path)?.size === 1) guards.delete(path);
  }
  for (const [path, types] of guards) {
    for (const type of types) clauses.push(`${fieldType(path)} ${type === 'number' ? "IN ('integer', 'real')" : "= 'text'"}`);
  }
  return { where: clauses.join(' AND '), params, exact };

  function collect(conditions: MongoQuery): void {
    for (const [key, value] of Object.entries(conditions)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const branch of value) {
          if (isPlainObject(branch)) collect(branch);
          else exact = false;
        }
        continue;
      }
      const multikey = key.startsWith('$') ? undefined : catalog.multikeyIndex(collection, key);
      if (multikey) {
        if (!pushElement(multikey, value)) exact = false;
      } else if (!key.startsWith('$') && catalog.isPushable(collection, key)) {
        if (!pushField(key, value)) exact = false;
      } else {
        exact = false;
      }
    }
  }

  /** Exact behind a guard keeping `type` at `path` (`_id` holds strings only, and needs none). */
  function guard(path: string, type: GuardedType): boolean {
    if (path === '_id') return type === 'text';
    guards.set(path, (guards.get(path) ?? new Set<GuardedType>()).add(type));
    return true;
  }

  /** A string bound: guarded unless the bounds of the whole query turn out to need none. */
  function textRange(path: string, operator: string, operand: string): boolean {
    const bounds = textBounds.get(path) ?? { lower: false, upperBelowObjects: false };
    if (operator === '$gt' || operator === '$gte') bounds.lower = true;
    else if (operator === '$lt' ? operand <= '{' : operand < '{') bounds.upperBelowObjects = true;
    textBounds.set(path, bounds);
    return guard(path, 'text');
  }

  /**
   * A string (or `$eq`, or `$in` of strings) on a multikey path: the documents whose key table rows hold it,
   * exactly (an element or the scalar itself, of JSON type text). Anything else is left to mingo.
   */
  function pushElement(index: IndexSpec, value: unknown): boolean {
    const operand = isPlainObject(value) && Object.keys(value).length === 1 ? (value.$eq ?? value.$in) : value;
    const strings = typeof operand === 'string' ? [operand] : Array.isArray(operand) && operand.length > 0 && operand.every((o) => typeof o === 'string') ? operand : null;
    if (!strings || strings.some((s) => s.includes('\0'))) return false;
    const table = quoteIdentifier(multikeyTable(collection, index.name));
    clauses.push(`_id IN (SELECT id FROM ${table} WHERE value IN (${strings.map(() => '?').join(', ')}) AND type = 'text')`);
    params.push(...(strings as string[]));
    return true;
  }

  /** Pushes what it can of one field's condition; answers whether all of it was pushed exactly. */
  function pushField(path: string, value: unknown): boolean {
    const isId = path === '_id';
    const column = isId ? '_id' : fieldExpression(path);
    const exactString = (operand: unknown) => typeof operand === 'string' && !operand.includes('\0') && (isId || !/^[{[]/.test(operand));
    // A number other than 0 and 1 equals no boolean (read as 1/0), string or object: exact unguarded.
    const exactNumber = (operand: unknown) => isFiniteNumber(operand) && !isId && (operand === 0 || operand === 1 ? guard(path, 'number') : true);
    if (isScalar(value)) {
      clauses.push(`${column} = ?`);
      params.push(toParam(value));
      return exactString(value) || exactNumber(value);
    }
    // `{path: null}` matches null and missing, which json_extract reads as NULL alike (`stoppedAt: null`).
    if (value === null || (isPlainObject(value) && Object.keys(value).length === 1 && value.$eq === null)) {
      if (!isId) clauses.push(`${column} IS NULL`);
      return false;
    }
    if (!isPlainObject(value)) return false;
    let all = Object.keys(value).length > 0;
    for (const [operator, operand] of Object.entries(value)) {
      if (operator === '$eq' && isScalar(operand)) {
        clauses.push(`${column} = ?`);
        params.push(toParam(operand));
        all &&= exactString(operand);
      } else if (operator in RANGE_SQL && (isFiniteNumber(operand) || isOrderSafeString(operand))) {
        clauses.push(`${column} ${RANGE_SQL[operator]} ?`);
        params.push(operand);
        all &&= typeof operand === 'number' ? guard(path, 'number') : textRange(path, operator, operand);
      } else if ((operator === '$lt' || operator === '$lte') && typeof operand === 'string' && widenedUpperBound(operand) !== null) {
        clauses.push(`${column} < ?`);
        params.push(widenedUpperBound(operand) as string);
        all = false;
      } else if (operator === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every(isScalar)) {
        clauses.push(`${column} IN (${operand.map(() => '?').join(', ')})`);
        params.push(...operand.map(toParam));
        all &&= operand.every(exactString);
      } else {
        all = false;
      }
    }
    return all;
  }
}

type GuardedType = 'number' | 'text';

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * SQLite compares text by UTF-8 bytes, JavaScript (mingo) by UTF-16 code
 * units; the two orders differ only between characters above U+FFFF and
 * U+E000–U+FFFF. Against a bound made only of code units below U+D800 (ASCII,
 * CJK, …) they agree: at the first difference the bound's character is below
 * both a surrogate and U+E000 in either order. So only such bounds are pushed.
 * A number or object never matches a string bound in mingo; in SQLite numbers
 * sort below text and JSON objects are text, so the prefilter stays a superset.
 */
function isOrderSafeString(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  for (let i = 0; i < value.length; i += 1) if (value.charCodeAt(i) >= 0xd800) return false;
  return true;
}

/**
 * For `< s` with s not order-safe: a safe bound above s, so `< bound` selects
 * a superset. s's longest safe prefix p, its last character raised by one:
 * everything below s in UTF-16 is below it (s starts with p), and it is safe.
 */
function widenedUpperBound(s: string): string | null {
  let end = 0;
  while (end < s.length && s.charCodeAt(end) < 0xd800) end += 1;
  if (end === 0) return null;
  const last = s.charCodeAt(end - 1);
  if (last + 1 >= 0xd800) return null;
  return s.slice(0, end - 1) + String.fromCharCode(last + 1);
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** json_extract answers JSON true/false as 1/0. */
function toParam(value: Scalar): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
