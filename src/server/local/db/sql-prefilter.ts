/**
 * Pushes the simple parts of a MongoDB query down to SQL so SQLite can use
 * the primary key and the declared indexes. The SQL condition is only a
 * prefilter: it must select a superset of the matches, and mingo then decides
 * exactly. Pushed: equality, `$in` of scalars, numeric ranges and ranges
 * against ASCII strings (day keys like '2026-12-01'), on `_id`
 * and on pushable indexed paths, from the top level and from `$and` branches.
 */
import type { CollectionCatalog } from './catalog';
import { fieldExpression } from './indexes';
import type { MongoQuery } from './query-translate';
import { isPlainObject } from './values';

export interface SqlFilter {
  /** `''` when nothing could be pushed (a full scan). */
  where: string;
  params: Array<string | number>;
}

type Scalar = string | number | boolean;

const RANGE_SQL: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

export function buildPrefilter(collection: string, query: MongoQuery, catalog: CollectionCatalog): SqlFilter {
  const clauses: string[] = [];
  const params: Array<string | number> = [];
  collect(query);
  return { where: clauses.join(' AND '), params };

  function collect(conditions: MongoQuery): void {
    for (const [key, value] of Object.entries(conditions)) {
      if (key === '$and' && Array.isArray(value)) {
        for (const branch of value) if (isPlainObject(branch)) collect(branch);
      } else if (!key.startsWith('$') && catalog.isPushable(collection, key)) {
        pushField(key === '_id' ? '_id' : fieldExpression(key), value);
      }
    }
  }

  function pushField(column: string, value: unknown): void {
    if (isScalar(value)) {
      clauses.push(`${column} = ?`);
      params.push(toParam(value));
      return;
    }
    if (!isPlainObject(value)) return;
    for (const [operator, operand] of Object.entries(value)) {
      if (operator === '$eq' && isScalar(operand)) {
        clauses.push(`${column} = ?`);
        params.push(toParam(operand));
      } else if (operator in RANGE_SQL && (isFiniteNumber(operand) || isAsciiString(operand))) {
        clauses.push(`${column} ${RANGE_SQL[operator]} ?`);
        params.push(operand);
      } else if (operator === '$in' && Array.isArray(operand) && operand.length > 0 && operand.every(isScalar)) {
        clauses.push(`${column} IN (${operand.map(() => '?').join(', ')})`);
        params.push(...operand.map(toParam));
      }
    }
  }
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * SQLite compares text by UTF-8 bytes, JavaScript (mingo) by UTF-16 code
 * units; the two orders differ only between characters above U+FFFF and
 * U+E000–U+FFFF, never against an ASCII bound, so only those are pushed. A
 * number or object never matches a string bound in mingo; in SQLite numbers
 * sort below text and JSON objects are text, so the prefilter stays a superset.
 */
function isAsciiString(value: unknown): value is string {
  return typeof value === 'string' && /^[\x00-\x7f]*$/.test(value);
}

function isScalar(value: unknown): value is Scalar {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** json_extract answers JSON true/false as 1/0. */
function toParam(value: Scalar): string | number {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}
