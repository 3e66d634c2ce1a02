import type { CounterProfileView, MemberProfileView, TimelineEvent } from '../../../core/contracts/crm';
import type { CouponDoc } from '../../../core/coupon/types';
import type { MemberProfileDoc } from '../../../core/crm/profile';
import { formatPrice } from '../../../core/money';
import type { Order } from '../../../core/order/types';
import type { Db } from '../../db';
import type { Caller } from '../../kit/types';
import { CatalogCollections, loadByIds, type CategoryDoc } from '../catalog/records';
import { MemberCollections, type MemberDoc } from '../member/records';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { pointsBalanceOf } from '../points/ledger';
import { PointsCollections, type PointsEntryDoc } from '../points/records';
import { PromotionCollections } from '../promotion/records';
import { memberOfCounterSession } from '../staff/counter-session';
import { crmError, CrmErrorCode, memberItemOf } from './members';
import { CrmCollections, type CampaignDoc, type DeliveryDoc, type VisitDoc } from './records';

const LIST = 10;
const TIMELINE = 40;

async function loadProfile(db: Db, openid: string): Promise<MemberProfileDoc> {
  const profile = (await db.collection<MemberProfileDoc>(CrmCollections.profiles).doc(openid).get()).data[0];
  if (!profile) throw crmError(CrmErrorCode.MemberNotFound, '会员不存在');
  return profile;
}

const orderTitle = (order: Order): string =>
  order.items.length > 1 ? `${order.items[0].productName} 等 ${order.items.length} 件` : (order.items[0]?.productName ?? '订单');

/**
 * crm.member (客户画像): the profile with its figures, the last orders,
 * points, coupons and campaigns, and one timeline of what happened to the
 * member, newest first.
 */
export async function memberProfile(deps: ServiceDeps, openid: string): Promise<MemberProfileView> {
  const db = deps.db;
  const profile = await loadProfile(db, openid);
  const [member, orders, ledger, coupons, deliveries, visits, balance] = await Promise.all([
    db.collection<MemberDoc>(MemberCollections.members).doc(openid).get().then((r) => r.data[0] ?? null),
    db.collection<Order>(OrderCollections.orders).where({ openid }).orderBy('createdAt', 'desc').limit(LIST).get().then((r) => r.data),
    db.collection<PointsEntryDoc>(PointsCollections.ledger).where({ openid }).orderBy('createdAt', 'desc').limit(LIST).get().then((r) => r.data),
    db.collection<CouponDoc>(PromotionCollections.coupons).where({ openid }).orderBy('issuedAt', 'desc').limit(LIST).get().then((r) => r.data),
    db.collection<DeliveryDoc>(CrmCollections.deliveries).where({ openid }).orderBy('deliveredAt', 'desc').limit(LIST).get().then((r) => r.data),
    db.collection<VisitDoc>(CrmCollections.visits).where({ openid }).orderBy('day', 'desc').limit(5).get().then((r) => r.data),
    pointsBalanceOf(db, openid),
  ]);
  const [campaigns, categories] = await Promise.all([
    loadByIds<CampaignDoc>(db, CrmCollections.campaigns, deliveries.map((d) => d.campaignId)),
    loadByIds<CategoryDoc>(db, CatalogCollections.categories, profile.topCategories),
  ]);
  const campaignNames = new Map([...campaigns].map(([id, c]) => [id, c.name]));
  const categoryNames = new Map([...categories].map(([id, c]) => [id, c.name]));

  const timeline: TimelineEvent[] = [];
  if (profile.joinedAt) timeline.push({ at: profile.joinedAt, kind: 'join', title: '开通会员', detail: `卡号 ${profile.memberId ?? ''}` });
  for (const o of orders) {
    if (o.paidAt) timeline.push({ at: o.paidAt, kind: 'order', title: `支付订单 ${formatPrice(o.payment?.amount ?? o.amounts.payable)}`, detail: orderTitle(o) });
    if (o.refundedAt) timeline.push({ at: o.refundedAt, kind: 'refund', title: '订单退款', detail: orderTitle(o) });
  }
  for (const e of ledger) {
    if (e.kind === 'checkin') timeline.push({ at: e.createdAt, kind: 'checkin', title: '签到', detail: `+${e.delta} 积分` });
    else if (e.kind !== 'earn' && e.kind !== 'refund') timeline.push({ at: e.createdAt, kind: 'points', title: e.note || '积分变动', detail: `${e.delta > 0 ? '+' : ''}${e.delta} 积分` });
  }
  for (const d of deliveries) {
    const name = campaignNames.get(d.campaignId) ?? '已删除的活动';
    timeline.push({ at: d.deliveredAt, kind: 'campaign', title: `收到活动「${name}」`, detail: d.arm === 'holdout' ? '对照组（未发放）' : d.granted ? '已发放权益' : '未发放权益' });
    if (d.messaged) timeline.push({ at: d.deliveredAt, kind: 'message', title: '发送服务通知', detail: name });
  }
  for (const v of visits) timeline.push({ at: v.at, kind: 'visit', title: '访问小程序', detail: v.day });
  timeline.sort((a, b) => b.at - a.at);

  return {
    member: memberItemOf(profile),
    campaigns: deliveries.map((d) => ({
      campaignId: d.campaignId,
      name: campaignNames.get(d.campaignId) ?? '已删除的活动',
      arm: d.arm,
      deliveredAt: d.deliveredAt,
      granted: d.granted,
      messaged: d.messaged,
    })),
    card: { memberId: profile.memberId, joinedAt: profile.joinedAt, birthday: member?.birthday ?? null, growth: member?.growth ?? profile.growth },
    stats: {
      firstPaidAt: profile.stats.firstPaidAt,
      lastPaidAt: profile.stats.lastPaidAt,
      paidOrders: profile.stats.paidOrders,
      paidFen: profile.stats.paidFen,
      refundedFen: profile.stats.refundedFen,
      refundedOrders: profile.stats.refundedOrders,
      netOrders: profile.netOrders,
      netFen: profile.netFen,
      aovFen: profile.aovFen,
      topCategories: profile.topCategories.map((id) => ({ categoryId: id, name: categoryNames.get(id) ?? '其他', orders: profile.stats.categoryOrders[id] ?? 0 })),
      lastVisitAt: profile.lastVisitAt,
    },
    manualTags: profile.manualTags,
    ruleTags: profile.ruleTags,
    points: { balance },
    orders: orders.map((o) => ({ orderId: o._id, status: o.status, payableFen: o.amounts.payable, createdAt: o.createdAt, title: orderTitle(o) })),
    pointsLedger: ledger.map((e) => ({ at: e.createdAt, delta: e.delta, note: e.note })),
    coupons: coupons.map((c) => ({ couponId: c._id, title: c.title, status: c.status, validUntil: c.validUntil })),
    timeline: timeline.slice(0, TIMELINE),
  };
}

/**
 * crm.counterProfile: what staff at the counter may see of the member they
 * are serving, only through their open counter session at that store
 * (opened by scanning the member code: the customer is there).
 */
export async function counterProfile(deps: ServiceDeps, caller: Caller, input: { sessionId: string; storeId: string }): Promise<CounterProfileView> {
  const db = deps.db;
  if (!caller.openid || !caller.staffStoreIds.includes(input.storeId)) throw crmError(CrmErrorCode.NoCounterSession, '请先扫描会员码');
  const member = await memberOfCounterSession(db, input.sessionId, caller.openid, input.storeId, deps.now());
  const openid = member._id;
  const profile = await loadProfile(db, openid);
  const categories = await loadByIds<CategoryDoc>(db, CatalogCollections.categories, profile.topCategories);
  const names = profile.topCategories.flatMap((id) => categories.get(id)?.name ?? []);
  return {
    nickname: profile.nickname,
    tier: profile.tierName,
    lifecycle: profile.lifecycle,
    rfmClass: profile.rfm.class,
    tags: profile.tags,
    points: await pointsBalanceOf(db, openid),
    lastPaidAt: profile.lastPaidAt,
    netOrders: profile.netOrders,
    topCategories: names,
  };
}
