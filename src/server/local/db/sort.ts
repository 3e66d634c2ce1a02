/** orderBy: several keys, MongoDB's order across types, stable on ties. */
import { readPath } from './values';

export interface OrderKey {
  path: string;
  direction: 'asc' | 'desc';
}

/** MongoDB's comparison order of BSON types (missing sorts as null). */
function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number') return 2;
  if (typeof value === 'string') return 3;
  if (Array.isArray(value)) return 5;
  if (typeof value === 'object') return 4;
  if (typeof value === 'boolean') return 8;
  return 10;
}

export function compareValues(a: unknown, b: unknown): number {
  const rankDiff = typeRank(a) - typeRank(b);
  if (rankDiff !== 0) return rankDiff;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
      const diff = compareValues(a[i], b[i]);
      if (diff !== 0) return diff;
    }
    return a.length - b.length;
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const left = JSON.stringify(a);
    const right = JSON.stringify(b);
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return 0;
}

/** Array.prototype.sort is stable, so ties keep the natural (insertion) order. */
export function sortDocuments<T>(docs: T[], order: OrderKey[]): T[] {
  return docs.sort((left, right) => {
    for (const key of order) {
      const diff = compareValues(readPath(left, key.path), readPath(right, key.path));
      if (diff !== 0) return key.direction === 'desc' ? -diff : diff;
    }
    return 0;
  });
}
