import { randomUUID } from 'crypto';
import type { Envelope } from '../../src/core/envelope';
import type { MemberProfileDoc } from '../../src/core/crm/profile';
import type { FunctionContext } from '../../src/server/kit/types';
import { mainOf } from './function-callers';
import { newRequestId, PICKUP, seedShop, startBench, type Bench } from './order-harness';

export const OPERATOR = 'ops-1';
const crmMain = mainOf('crm');
const memberMain = mainOf('member');
const couponMain = mainOf('coupon');
const notifyMain = mainOf('notify');
const ctx = (openid: string | null): FunctionContext => ({ request_id: randomUUID(), environ: openid ? `WX_OPENID=${openid};WX_APPID=wxtest` : '' });

export interface CrmBench extends Bench {
  crm<T = any>(action: string, data?: unknown, openid?: string): Promise<Envelope<T>>;
  crmOk<T = any>(action: string, data?: unknown, openid?: string): Promise<T>;
  tick(): Promise<Envelope<any>>;
  join(openid: string, nickname?: string, more?: object): Promise<void>;
  /** Places and pays (through the sandbox notification) an order of `quantity` × sku. */
  buy(openid: string, skuId?: string, quantity?: number, more?: object): Promise<{ _id: string; amounts: { payable: number } }>;
  place(openid: string, skuId?: string, quantity?: number, more?: object): Promise<{ _id: string; amounts: { payable: number } }>;
  refund(openid: string, orderId: string, more?: object): Promise<void>;
  profile(openid: string): Promise<MemberProfileDoc | null>;
  coupon<T = any>(openid: string, action: string, data?: unknown): Promise<Envelope<T>>;
  notify<T = any>(openid: string, action: string, data?: unknown): Promise<Envelope<T>>;
}

export async function startCrmBench(): Promise<CrmBench> {
  const bench = startBench();
  await seedShop(bench.db, [
    { _id: 'sku-tea', productId: 'p-tea', price: 2_000, stock: 100_000 },
    { _id: 'sku-cake', productId: 'p-cake', price: 15_000, stock: 100_000 },
  ]);
  await bench.grantOperator(OPERATOR);
  const crm = (action: string, data: unknown = {}, openid = OPERATOR) => crmMain({ action, data }, ctx(openid));
  const place = async (openid: string, skuId = 'sku-tea', quantity = 1, more: object = {}) =>
    bench.ok('order', openid, 'create', { items: [{ skuId, quantity }], fulfillment: PICKUP, requestId: newRequestId(), ...more });
  return Object.assign(bench, {
    crm,
    async crmOk(action: string, data: unknown = {}, openid = OPERATOR) {
      const answer = await crm(action, data, openid);
      if (!answer.ok) throw new Error(`crm.${action} failed: ${JSON.stringify(answer.error)}`);
      return answer.data;
    },
    tick: () => crmMain({ Type: 'Timer', TriggerName: 'tick', Time: new Date(bench.clock()).toISOString() }, ctx(null)),
    async join(openid: string, nickname = `会员${openid}`, more: object = {}) {
      const answer = await memberMain({ action: 'join', data: { nickname, ...more } }, ctx(openid));
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    },
    place,
    async buy(openid: string, skuId = 'sku-tea', quantity = 1, more: object = {}) {
      const order = await place(openid, skuId, quantity, more);
      await bench.ok('order', openid, 'pay', { orderId: order._id });
      await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
      return order;
    },
    async refund(openid: string, orderId: string, more: object = {}) {
      const asked = await bench.ok('order', openid, 'requestRefund', { orderId, reason: '不想要了', ...more });
      if (asked.status === 'REFUND_REQUESTED' || asked.refundRequest?.state === 'PENDING') {
        await bench.ok('order', OPERATOR, 'reviewRefund', { orderId, decision: 'approve' });
      }
    },
    async profile(openid: string) {
      return ((await bench.db.collection<MemberProfileDoc>('crm_profiles').doc(openid).get()).data[0] as MemberProfileDoc | undefined) ?? null;
    },
    coupon: (openid: string, action: string, data: unknown = {}) => couponMain({ action, data }, ctx(openid)),
    notify: (openid: string, action: string, data: unknown = {}) => notifyMain({ action, data }, ctx(openid)),
  });
}
