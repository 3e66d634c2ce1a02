/** `field()`: MongoDB projection semantics via mingo (`_id` included unless excluded). */
import { Query } from 'mingo';
import type { Projection } from '../../db';
import { invalidParam } from './errors';
import { isPlainObject, type PlainObject } from './values';

export type NormalizedProjection = Record<string, 0 | 1>;

const MATCH_ALL = new Query({});

/** Normalizes as the SDK does (true/positive → 1, false/0 → 0) and refuses what the server would. */
export function normalizeProjection(projection: unknown): NormalizedProjection {
  if (!isPlainObject(projection)) throw invalidParam('projection must be an object');
  const normalized: NormalizedProjection = {};
  for (const [path, value] of Object.entries(projection as Projection)) {
    if (typeof value === 'boolean') normalized[path] = value ? 1 : 0;
    else if (typeof value === 'number') normalized[path] = value > 0 ? 1 : 0;
    else throw invalidParam(`invalid projection for ${path}`);
  }
  const kinds = new Set(Object.entries(normalized).filter(([path]) => path !== '_id').map(([, value]) => value));
  if (kinds.size > 1) throw invalidParam('Cannot do exclusion and inclusion in projection');
  return normalized;
}

export function project<T extends PlainObject>(docs: T[], projection: NormalizedProjection | undefined): T[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  return MATCH_ALL.find(docs, projection).all() as T[];
}
