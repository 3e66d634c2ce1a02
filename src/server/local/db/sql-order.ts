import type { CollectionCatalog } from './catalog';
import { fieldExpression } from './indexes';
import type { OrderKey } from './sort';

/**
 * `orderBy` as SQL when every key is `_id` or an indexed scalar path (so SQLite can walk an index and a
 * page stops early), else null (the engine sorts the matches itself). Ties keep the natural order.
 */
export function sqlOrderBy(collection: string, order: readonly OrderKey[], catalog: CollectionCatalog): string | null {
  if (order.length === 0 || !order.every((key) => catalog.isPushable(collection, key.path))) return null;
  const keys = order.map((key) => `${key.path === '_id' ? '_id' : fieldExpression(key.path)} ${key.direction === 'desc' ? 'DESC' : 'ASC'}`);
  return [...keys, 'rowid'].join(', ');
}
