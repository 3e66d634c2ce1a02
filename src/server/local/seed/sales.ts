import type { SeedDocuments } from './types';

/** Demo flash sales and group-buy activities. */
export function salesSeed(_now: number): SeedDocuments {
  return {};
}
