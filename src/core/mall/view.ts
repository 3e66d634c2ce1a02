import type { MallItemDetailView, MallItemView } from '../contracts/mall';
import { ruleLabel } from '../coupon/labels';
import type { CouponRule } from '../coupon/types';
import type { MallItem } from './types';

export function toMallItemView(item: MallItem, couponRule: CouponRule | null): MallItemView {
  return {
    itemId: item._id,
    title: item.title,
    subtitle: item.subtitle,
    image: item.image,
    kind: item.kind,
    pointsPrice: item.pointsPrice,
    cashPrice: item.cashPrice,
    stock: Math.max(0, item.stock),
    soldOut: item.stock <= 0,
    perMemberLimit: item.perMemberLimit,
    couponLabel: couponRule ? ruleLabel(couponRule) : null,
  };
}

export function toMallItemDetailView(item: MallItem, couponRule: CouponRule | null, redeemedByMe: number): MallItemDetailView {
  return {
    ...toMallItemView(item, couponRule),
    description: item.description,
    couponRule,
    redeemedByMe,
    limitReached: item.perMemberLimit > 0 && redeemedByMe >= item.perMemberLimit,
    needsFulfillment: item.kind === 'goods',
  };
}
