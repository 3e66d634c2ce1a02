import { flashSaleSeed } from './flash-sales';
import { groupBuySeed } from './group-buys';
import { liveSeed } from './live';
import { mergeByCollection, type SeedDocuments } from './types';

/** Demo flash sales, group-buy activities and live rooms. */
export function salesSeed(now: number): SeedDocuments {
  return mergeByCollection(groupBuySeed(now), flashSaleSeed(now), liveSeed(now));
}
