import { seededRandom } from '../../../core/seeded-random';
import type { PaymentNotification } from '../../../core/contracts/payment';
import type { Db } from '../../db';
import type { Caller, Logger } from '../../kit/types';
import { joinMember } from '../../services/member/join';
import { createOrder } from '../../services/order/create';
import type { ServiceDeps } from '../../services/order/deps';
import { cancelOrder, confirmOrder, requestRefund, shipOrder } from '../../services/order/lifecycle';
import { payOrder } from '../../services/order/pay';
import { processDueRefunds } from '../../services/order/refunds';
import { reviewRefund } from '../../services/order/review';
import { ACKNOWLEDGED } from '../../services/payment/callback';
import { applyPaymentNotification } from '../../services/payment/notification';
import { verifyPickup } from '../../services/staff/pickup';
import { createCampaign } from '../../services/crm/campaigns';
import { CrmCollections, type CampaignDoc, type DeliveryDoc, type RescoreJobDoc } from '../../services/crm/records';
import { saveSegment } from '../../services/crm/segments';
import { saveCouponTemplate } from '../../services/promotion/templates';
import { runCrmTick } from '../../services/crm/tick';
import { adjustStock } from '../../services/stock/adjust';
import { createSandboxPay } from '../pay/sandbox';
import { ADDRESSES, chinaHourMs, HISTORY_MEMBERS, HISTORY_SKUS, historyMemberId, planHistory, type PlannedMember, type PlannedOrder } from './history-plan';

export { HISTORY_DAYS, HISTORY_MEMBERS, historyMemberId, PERSONAS } from './history-plan';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Weekly re-scores over this many weeks before now leave the lifecycle chart a history. */
const RESCORED_WEEKS = 12;
const OPERATOR = 'demo-operator';
/** A SKU is restocked (进货) to its seeded stock before an order would take it under this share of it. */
const RESTOCK_BELOW = 0.4;
/** The demo's measured campaign: launched this many days before now, with a 14-day window. */
const CAMPAIGN_DAYS_AGO = 30;
/** The share of the segment who would answer a coupon with an order in its window (only the target arm holds one). */
const COUPON_ANSWER_RATE = 0.15;
/** The campaign's coupon: 满50减8. Answering orders take one of the SKUs that meet its threshold alone. */
const COUPON_THRESHOLD_FEN = 5000;
const COUPON_SKUS = HISTORY_SKUS.filter((sku) => sku.price >= COUPON_THRESHOLD_FEN);

type Step = { at: number; run: () => Promise<void> };

/**
 * A year of shop activity before `now`, driven through the real services
 * with the clock set to each moment: members join (personas spread over
 * every RFM class and lifecycle stage, history-plan.ts), orders are placed
 * (a few in a live room), paid through the sandbox's notification path,
 * shipped, received, picked up, cancelled, refunded; SKUs running low are
 * restocked through the stock ledger; a few refund requests are left
 * waiting. So the stock and points ledgers, pickup codes, the dashboard's
 * rollups and the members' CRM figures are what the running shop would have
 * written. The plan is seeded-random: the same every time (ids and
 * transaction numbers still carry random parts).
 */
export async function seedHistory(db: Db, now: number): Promise<{ members: number; orders: number }> {
  const random = seededRandom(20260101);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  let clock = now;
  const log: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps: ServiceDeps = { db, now: () => clock, log };
  const pay = createSandboxPay({
    db,
    now: () => clock,
    payCallback: async (event) => {
      await applyPaymentNotification(deps, event as PaymentNotification, true);
      return ACKNOWLEDGED;
    },
  });
  const plan = planHistory(now, random);
  const members = new Map(plan.members.map((m) => [m.openid, m]));
  const steps: Step[] = plan.members.map((member) => ({ at: member.joinedAt, run: async () => void (await join(member)) }));
  for (const order of plan.orders) steps.push(...orderSteps(order, members.get(order.openid)!));

  // 精准营销 with its measurement: a month ago the operator sent a coupon to recent buyers, holding 20 % out;
  // some target members answered it with an order in the window (their planned orders go on regardless),
  // so the campaign page shows a real comparison of the two arms.
  const today = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  const campaignAt = today - CAMPAIGN_DAYS_AGO * DAY + 10 * HOUR;
  let campaignId = '';
  steps.push({ at: campaignAt, run: launchCampaign });
  const answers: PlannedOrder[] = plan.members
    .filter((member) => member.joinedAt < campaignAt && random() < COUPON_ANSWER_RATE)
    .map((member) => {
      const at = campaignAt + (1 + Math.floor(random() * 12)) * DAY - 10 * HOUR + chinaHourMs(random);
      return { openid: member.openid, key: `history-campaign-${member.openid}`, at, lines: [{ skuId: pick(COUPON_SKUS).skuId, quantity: 1 }], pickup: false, storeId: '', fate: 'keep', paidAt: at + 2 * MINUTE, refundAt: 0, handedAt: at + DAY, receivedAt: at + 3 * DAY };
    });
  for (const order of answers) steps.push(...couponAnswerSteps(order, members.get(order.openid)!));
  steps.push(...restockSteps([...plan.orders, ...answers]));

  // Three refund requests waiting for the operator: orders of the last day, asked a little before now.
  for (let n = 1; n <= 3; n += 1) {
    const openid = historyMemberId(n);
    let orderId = '';
    const at = now - (n * 5 + 3) * HOUR;
    steps.push({
      at,
      run: async () => {
        const skuId = HISTORY_SKUS[n * 3]!.skuId;
        orderId = (await createOrder(deps, openid, { items: [{ skuId, quantity: 1 }], fulfillment: { type: 'delivery', address: { name: '顾客', phone: '13900000000', ...ADDRESSES[n]! } }, requestId: `history-pending-${n}`, source: 'buyNow', remark: '', couponId: null }))._id;
      },
    });
    steps.push({ at: at + 2 * MINUTE, run: async () => { await payOrder(deps, pay, openid, orderId); await pay.deliverPaymentNotification(orderId, 'SUCCESS', 1); } });
    steps.push({ at: at + 2 * HOUR, run: async () => void (await requestRefund(deps, openid, { orderId, reason: pick(['不想要了', '地址填错了', '拍错规格']) })) });
  }

  // The crm timer's daily re-score on the last weeks' mornings (the lifecycle chart over time), and now.
  for (let week = RESCORED_WEEKS; week >= 1; week -= 1) steps.push({ at: today - week * 7 * DAY + 2 * HOUR, run: rescore });

  // One timeline, oldest first (a stable sort keeps each order's steps in their order).
  steps.sort((a, b) => a.at - b.at);
  for (const step of steps) {
    clock = step.at;
    await step.run();
  }
  clock = now;
  await rescore();
  // Notices for past events were due long ago: sending them now would only queue hundreds of stale
  // messages ahead of the demo's live ones (the worker delivers oldest first).
  const openids = plan.members.map((m) => m.openid);
  for (let i = 0; i < openids.length; i += 100) await db.collection('notify_outbox').where({ openid: db.command.in(openids.slice(i, i + 100)) }).remove();
  return { members: HISTORY_MEMBERS, orders: plan.orders.length + 3 };

  async function rescore(): Promise<void> {
    for (let tick = 0; tick < 100; tick += 1) {
      await runCrmTick(deps, { budgetMs: 60_000 });
      const job = (await db.collection<RescoreJobDoc>(CrmCollections.jobs).doc('rescore').get()).data[0];
      if (job?.done) return;
    }
  }

  async function join(member: PlannedMember): Promise<void> {
    await joinMember(deps, member.openid, {
      nickname: member.nickname,
      ...(member.phone ? { phone: member.phone } : {}),
      ...(member.birthday ? { birthday: member.birthday } : {}),
    });
  }

  async function launchCampaign(): Promise<void> {
    const { templateId } = await saveCouponTemplate(deps, OPERATOR, {
      title: '老客回购 · 满50减8',
      description: '精准营销发放，领取后 14 天内有效。',
      rule: { kind: 'amount', amountOff: 800, threshold: COUPON_THRESHOLD_FEN },
      validity: { type: 'relative', days: 14 },
      totalQuantity: null,
      perMemberLimit: 1,
      claimable: false,
      inStoreOnly: false,
    });
    const { segmentId } = await saveSegment(deps, OPERATOR, { name: '近 90 天消费过', filter: { lastPaidDays: { max: 90 } } });
    const input = { name: '老客回购 · 满50减8', segmentId, incentive: { type: 'coupon' as const, templateId }, holdoutPct: 20, startAt: campaignAt, requestId: 'history-campaign' };
    campaignId = (await createCampaign(deps, OPERATOR, input)).campaignId;
    for (let tick = 0; tick < 100; tick += 1) {
      await runCrmTick(deps, { budgetMs: 60_000 });
      const campaign = (await db.collection<CampaignDoc>(CrmCollections.campaigns).doc(campaignId).get()).data[0];
      if (campaign?.state === 'DELIVERED') return;
    }
  }

  /** An order with the campaign's coupon, placed only by a member of the target arm who holds it. */
  function couponAnswerSteps(plan: PlannedOrder, member: PlannedMember): Step[] {
    let couponId: string | null = null;
    return orderSteps(plan, member, () => couponId).map((step, index) => ({
      at: step.at,
      run: async () => {
        if (index === 0) {
          // Only the target arm's delivery holds a coupon.
          const delivery = (await db.collection<DeliveryDoc>(CrmCollections.deliveries).where({ campaignId, openid: plan.openid }).limit(1).get()).data[0];
          couponId = delivery?.couponId ?? null;
        }
        if (couponId) await step.run();
      },
    }));
  }

  function orderSteps(plan: PlannedOrder, member: PlannedMember, couponOf: () => string | null = () => null): Step[] {
    const { openid } = plan;
    let orderId = '';
    const out: Step[] = [
      {
        at: plan.at,
        run: async () => {
          const order = await createOrder(deps, openid, {
            items: plan.lines,
            fulfillment: plan.pickup ? { type: 'pickup', storeId: plan.storeId } : { type: 'delivery', address: member.address },
            requestId: plan.key,
            source: 'buyNow',
            remark: '',
            couponId: couponOf(),
            ...(plan.liveRoomId ? { liveRoomId: plan.liveRoomId } : {}),
          });
          orderId = order._id;
        },
      },
    ];
    if (plan.fate === 'cancel') {
      out.push({ at: plan.at + 3 * MINUTE, run: async () => void (await cancelOrder(deps, pay, openid, orderId)) });
      return out;
    }
    out.push({
      at: plan.paidAt,
      run: async () => {
        await payOrder(deps, pay, openid, orderId);
        await pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
      },
    });
    if (plan.fate === 'refund') {
      out.push({ at: plan.refundAt, run: async () => void (await requestRefund(deps, openid, { orderId, reason: pick(['不想要了', '拍错规格', '商品质量问题']) })) });
      out.push({
        at: plan.refundAt + 3 * HOUR,
        run: async () => {
          await reviewRefund(deps, OPERATOR, { orderId, decision: 'approve' });
          await processDueRefunds(deps, pay);
        },
      });
      return out;
    }
    if (plan.handedAt >= now) return out;
    if (plan.pickup) {
      const staff: Caller = { openid: `demo-history-staff-${plan.storeId}`, roles: ['staff'], staffStoreIds: [plan.storeId] };
      out.push({ at: plan.handedAt, run: async () => void (await verifyPickup(deps, staff, orderId, plan.storeId)) });
      return out;
    }
    out.push({ at: plan.handedAt, run: async () => void (await shipOrder(deps, orderId, `SF${String(plan.handedAt).slice(-10)}`, { carrier: '顺丰速运' })) });
    if (plan.receivedAt < now) out.push({ at: plan.receivedAt, run: async () => void (await confirmOrder(deps, openid, orderId)) });
    return out;
  }

  /**
   * 进货: walking the orders in time, a SKU an order would take under RESTOCK_BELOW of its seeded
   * stock is first filled back up to it. Cancellations and refunds giving units back are not
   * counted, so the real stock is never lower than this walk's and no order runs out.
   */
  function restockSteps(orders: PlannedOrder[]): Step[] {
    const seeded = new Map(HISTORY_SKUS.map((s) => [s.skuId, s.stock]));
    const left = new Map(seeded);
    const out: Step[] = [];
    for (const order of [...orders].sort((a, b) => a.at - b.at)) {
      for (const { skuId, quantity } of order.lines) {
        const full = seeded.get(skuId)!;
        let stock = left.get(skuId)!;
        if (stock - quantity < full * RESTOCK_BELOW) {
          const delta = full - stock;
          const requestId = `history-restock-${skuId}-${out.length + 1}`;
          out.push({ at: order.at - 30 * MINUTE, run: async () => void (await adjustStock(deps, OPERATOR, { skuId, delta, reason: '进货补货', requestId })) });
          stock += delta;
        }
        left.set(skuId, stock - quantity);
      }
    }
    return out;
  }
}
