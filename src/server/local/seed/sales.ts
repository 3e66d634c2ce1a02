import { flashSaleSeed } from './flash-sales';
import { groupBuySeed } from './group-buys';
import { mergeByCollection, type SeedDocuments } from './types';

/** Demo flash sales and group-buy activities. */
export function salesSeed(now: number): SeedDocuments {
  return mergeByCollection(groupBuySeed(now), flashSaleSeed(now));
}
