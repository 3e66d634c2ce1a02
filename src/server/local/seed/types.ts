import type { DocumentData } from '../../db';

/** One document per `_id`, grouped by collection. */
export type SeedDocuments = Record<string, Array<{ _id: string } & DocumentData>>;
