import type { MemberPriceView, SkuView } from '../../../core/contracts/catalog';
import { bpsOf } from '../../../core/money';
import { tierOfGrowth } from '../../../core/member/tiers';
import type { Db } from '../../db';
import { loadMember } from '../member/access';
import { loadTiers } from '../member/settings';

/**
 * 金卡价 on the product page: the caller's tier discount (the same rule the
 * order prices with: the tier of their growth in the operators' table) on
 * each SKU price, the discount rounded down to the fen. Null for a customer
 * who has not joined or whose tier has no discount.
 */
export async function memberPriceFor(db: Db, openid: string | null, skus: readonly SkuView[], fallbackPrice: number): Promise<MemberPriceView | null> {
  if (!openid) return null;
  const member = await loadMember(db, openid);
  if (!member) return null;
  const tier = tierOfGrowth(await loadTiers(db), member.growth);
  if (tier.discountBps <= 0) return null;
  const discounted = (price: number): number => price - bpsOf(price, tier.discountBps);
  const skuPrices: Record<string, number> = {};
  for (const sku of skus) skuPrices[sku._id] = discounted(sku.price);
  const prices = Object.values(skuPrices);
  return {
    tierName: tier.name,
    discountBps: tier.discountBps,
    price: prices.length > 0 ? Math.min(...prices) : discounted(fallbackPrice),
    skuPrices,
  };
}
