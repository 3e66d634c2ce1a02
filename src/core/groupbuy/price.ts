import type { LeaderDiscount } from '../contracts/groupbuy';
import { bpsOf, type Fen } from '../money';

/**
 * What the leader pays: the group price less the leader discount (fen off,
 * or basis points of the group price rounded down). Never below 1 fen:
 * validation refuses a discount that would reach the group price.
 */
export function leaderPriceOf(groupPrice: Fen, discount: LeaderDiscount | null): Fen {
  if (!discount) return groupPrice;
  const off = discount.type === 'fen' ? discount.amount : bpsOf(groupPrice, discount.bps);
  return Math.max(1, groupPrice - off);
}
