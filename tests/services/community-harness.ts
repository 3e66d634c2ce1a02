/**
 * The community group-buy bench: the shop (order bench) plus the `community`
 * function, two approved leaders' points and an activity. Not a test file.
 */
import { newRequestId, START } from './order-harness';
import { startPromotionBench, type PromotionBench } from './promotion-harness';
import { functionCallers } from './function-callers';
import { seedShop } from './order-harness';

export const OPERATOR = 'ops-1';
export const LEADER_A = 'leader-a';
export const LEADER_B = 'leader-b';
export const HOUR = 3_600_000;
/** 20:00 Shanghai on START's day (START is 10:00 Shanghai, 2025-01-06): pickup on 2025-01-07. */
export const CUTOFF = START + 10 * HOUR;
export const PICKUP_DAY = '2025-01-07';

export const community = functionCallers('community');

export const pointOf = (name: string, latitude: number, longitude: number) => ({
  name,
  address: `上海市徐汇区${name}`,
  hours: { open: '08:00', close: '21:00' },
  location: { latitude, longitude },
  phone: '13800001111',
});

export interface CommunityBench extends PromotionBench {
  /** A leader applied and approved by the operator; their leaderId. */
  approvedLeader(openid: string, name: string, latitude?: number, longitude?: number): Promise<string>;
  /** An activity of sku-tea-s at 1990 and sku-tea-l at its price, cut-off CUTOFF, 10% commission; its id. */
  activity(over?: Record<string, unknown>): Promise<string>;
  /** A community order of `quantity` sku-tea-s, paid (sandbox notification); the order. */
  paidOrder(openid: string, activityId: string, leaderId: string, quantity?: number): Promise<Record<string, any>>;
}

export async function startCommunityBench(): Promise<CommunityBench> {
  const bench = startPromotionBench();
  await seedShop(bench.db);
  await bench.grantOperator(OPERATOR);
  return Object.assign(bench, {
    async approvedLeader(openid: string, name: string, latitude = 31.23, longitude = 121.47) {
      const applied = await community.ok('community', openid, 'apply', { realName: `${name}团长`, point: pointOf(name, latitude, longitude) });
      await community.ok('community', OPERATOR, 'reviewLeader', { leaderId: applied.leaderId, event: 'approve' });
      return applied.leaderId as string;
    },
    async activity(over: Record<string, unknown> = {}) {
      const saved = await community.ok('community', OPERATOR, 'saveActivity', {
        title: '周二社区团',
        items: [
          { skuId: 'sku-tea-s', price: 1990 },
          { skuId: 'sku-tea-l', price: null },
        ],
        startAt: START - HOUR,
        cutoffAt: CUTOFF,
        commissionBps: 1000,
        ...over,
      });
      return saved.activityId as string;
    },
    async paidOrder(openid: string, activityId: string, leaderId: string, quantity = 1) {
      const order = await community.ok('community', openid, 'placeOrder', {
        activityId,
        leaderId,
        items: [{ skuId: 'sku-tea-s', quantity }],
        requestId: newRequestId(),
      });
      await bench.ok('order', openid, 'pay', { orderId: order._id });
      await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
      return bench.order(order._id);
    },
  });
}
