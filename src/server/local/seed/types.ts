import type { DocumentData } from '../../db';

/** One document per `_id`, grouped by collection. */
export type SeedDocuments = Record<string, Array<{ _id: string } & DocumentData>>;

/** Seeds of several contexts may write the same collection (e.g. `settings`): concatenate, never overwrite. */
export function mergeByCollection(...parts: SeedDocuments[]): SeedDocuments {
  const merged: SeedDocuments = {};
  for (const part of parts) for (const [collection, docs] of Object.entries(part)) merged[collection] = [...(merged[collection] ?? []), ...docs];
  return merged;
}
