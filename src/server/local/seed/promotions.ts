import type { CouponTemplateDoc } from '../../../core/coupon/types';
import type { MallItemDoc } from '../../../core/mall/types';
import { demoMallImage, demoProductImage } from './images';
import type { SeedDocuments } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

type Template = Omit<CouponTemplateDoc, 'claimed' | 'status' | 'createdAt' | 'updatedAt'> & { _id: string };
type Item = Omit<MallItemDoc, 'sold' | 'status' | 'createdAt' | 'updatedAt'> & { _id: string };

/** Coupon templates: `tpl-join-10` is the members' join gift (settings name it). */
function templates(now: number): Template[] {
  return [
    {
      _id: 'tpl-join-10',
      title: '开卡礼 · 满99减10',
      description: '新会员专享，全场商品满 99 元可用。',
      rule: { kind: 'amount', amountOff: 1000, threshold: 9900 },
      validity: { type: 'relative', days: 30 },
      totalQuantity: null,
      perMemberLimit: 1,
      claimable: false,
      inStoreOnly: false,
      sort: 10,
    },
    {
      _id: 'tpl-claim-5',
      title: '满50减5',
      description: '领取后 7 天内有效，全场通用。',
      rule: { kind: 'amount', amountOff: 500, threshold: 5000 },
      validity: { type: 'relative', days: 7 },
      totalQuantity: 1000,
      perMemberLimit: 2,
      claimable: true,
      inStoreOnly: false,
      sort: 20,
    },
    {
      _id: 'tpl-90off',
      title: '全场9折券',
      description: '无门槛 9 折，最高减 20 元，活动期内有效。',
      rule: { kind: 'percent', offBps: 1000, maxOff: 2000, threshold: 0 },
      validity: { type: 'absolute', from: now - DAY_MS, until: now + 60 * DAY_MS },
      totalQuantity: 500,
      perMemberLimit: 1,
      claimable: true,
      inStoreOnly: false,
      sort: 30,
    },
    {
      _id: 'tpl-free-croissant',
      title: '黄油可颂赠品券',
      description: '订单满 30 元且含「黄油可颂 单个」时，免单 1 个。',
      rule: { kind: 'freeItem', skuId: 'p-bakery-croissant-s1', threshold: 3000 },
      validity: { type: 'relative', days: 14 },
      totalQuantity: 200,
      perMemberLimit: 1,
      claimable: true,
      inStoreOnly: false,
      sort: 40,
    },
  ];
}

/** Points-mall items: goods (catalog SKUs or the mall's own) and coupons, points only or points + cash. */
const MALL_ITEMS: Item[] = [
  {
    _id: 'mall-mug',
    title: '陶瓷马克杯 · 青瓷',
    subtitle: '纯积分兑换 · 每人限 1 件',
    description: '景德镇手工上釉，350ml，可微波。积分兑换商品不退换，请确认收货信息。',
    image: demoProductImage('p-home-mug'),
    kind: 'goods',
    skuId: 'p-home-mug-s1',
    templateId: null,
    pointsPrice: 990,
    cashPrice: 0,
    stock: 5,
    perMemberLimit: 1,
    sort: 10,
  },
  {
    _id: 'mall-handcream',
    title: '乳木果护手霜 30ml',
    subtitle: '600 积分 + 9.9 元',
    description: '白茶香，清爽不黏腻。需支付现金部分，15 分钟内未支付将自动取消并退回积分。',
    image: demoProductImage('p-care-handcream'),
    kind: 'goods',
    skuId: 'p-care-handcream-s1',
    templateId: null,
    pointsPrice: 600,
    cashPrice: 990,
    stock: 50,
    perMemberLimit: 2,
    sort: 20,
  },
  {
    _id: 'mall-coupon-10',
    title: '满99减10 优惠券',
    subtitle: '200 积分兑换 · 即时到账',
    description: '兑换后立即发放至「我的优惠券」，30 天内有效。',
    image: null,
    kind: 'coupon',
    skuId: null,
    templateId: 'tpl-join-10',
    pointsPrice: 200,
    cashPrice: 0,
    stock: 100,
    perMemberLimit: 3,
    sort: 30,
  },
  {
    _id: 'mall-coupon-croissant',
    title: '黄油可颂赠品券',
    subtitle: '100 积分兑换',
    description: '满 30 元且含「黄油可颂 单个」时免单 1 个，14 天内有效。',
    image: null,
    kind: 'coupon',
    skuId: null,
    templateId: 'tpl-free-croissant',
    pointsPrice: 100,
    cashPrice: 0,
    stock: 50,
    perMemberLimit: 2,
    sort: 40,
  },
  {
    _id: 'mall-nuts',
    title: '每日坚果 7 包装',
    subtitle: '1500 积分',
    description: '六种坚果果干，独立小包。',
    image: demoProductImage('p-snack-nuts'),
    kind: 'goods',
    skuId: 'p-snack-nuts-s1',
    templateId: null,
    pointsPrice: 1500,
    cashPrice: 0,
    stock: 20,
    perMemberLimit: 1,
    sort: 50,
  },
  {
    _id: 'mall-tote',
    title: '会员定制帆布袋',
    subtitle: '800 积分 + 5 元 · 会员专属',
    description: '加厚帆布，印有私域生活馆会员标识，仅积分商城可兑。',
    image: demoMallImage('tote'),
    kind: 'goods',
    skuId: null,
    templateId: null,
    pointsPrice: 800,
    cashPrice: 500,
    stock: 30,
    perMemberLimit: 1,
    sort: 60,
  },
];

/** Demo coupon templates and points-mall items. */
export function promotionSeed(now: number): SeedDocuments {
  return {
    coupon_templates: templates(now).map((t) => ({ ...t, claimed: 0, status: 'ACTIVE', createdAt: now, updatedAt: now })),
    mall_items: MALL_ITEMS.map((item) => ({ ...item, sold: 0, status: 'ON_SALE', createdAt: now, updatedAt: now })),
  };
}
