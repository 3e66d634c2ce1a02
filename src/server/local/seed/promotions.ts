import type { SeedDocuments } from './types';

/** Demo coupon templates and points-mall items. */
export function promotionSeed(_now: number): SeedDocuments {
  return {};
}
