/**
 * Test bench for the stored value (issue 14): the order bench (in-memory
 * database, sandbox pay, manual clock) plus the `wallet` and `member`
 * functions, a plan "充100送10" and helpers to top up and to order. Not a test file itself.
 */
import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import type { FunctionContext } from '../../src/server/kit/types';
import { startShopBench, DELIVERY, newRequestId, type Bench } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
const loadMain = (name: string): Main =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(__dirname, '../../cloudfunctions', name, 'index.ts')) as { main: Main }).main;
const extra = { wallet: loadMain('wallet'), member: loadMain('member') } as const;
type ExtraFn = keyof typeof extra;

export const OPS = 'ops-1';
export const PLAN = 'plan-100';

export interface WalletBench extends Bench {
  w<T = unknown>(fn: ExtraFn, openid: string, action: string, data?: unknown): Promise<Envelope<T>>;
  wOk<T = any>(fn: ExtraFn, openid: string, action: string, data?: unknown): Promise<T>;
  wTimer<T = any>(): Promise<Envelope<T>>;
  join(openid: string): Promise<void>;
  /** Tops up with the plan and pays it through the sandbox; answers the top-up order id. */
  topUp(openid: string, planId?: string): Promise<string>;
  /** An unpaid order of `qty` × sku-tea-s (¥29 each). */
  placeOrder(openid: string, qty?: number, sku?: string): Promise<string>;
  balance(openid: string): Promise<{ principalFen: number; giftFen: number; totalFen: number }>;
  entries(openid?: string): Promise<any[]>;
}

export async function startWalletBench(): Promise<WalletBench> {
  const bench = await startShopBench();
  const context = (openid: string | null): FunctionContext => ({ request_id: randomUUID(), environ: openid === null ? '' : `WX_OPENID=${openid};WX_APPID=wxtest` });
  const w = <T>(fn: ExtraFn, openid: string, action: string, data: unknown = {}) => extra[fn]({ action, data }, context(openid)) as Promise<Envelope<T>>;
  const wOk = async (fn: ExtraFn, openid: string, action: string, data?: unknown) => {
    const envelope = await w<any>(fn, openid, action, data);
    if (!envelope.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(envelope.error)}`);
    return envelope.data;
  };
  await wOk('wallet', OPS, 'savePlan', { planId: PLAN, title: '充100送10', payFen: 10000, giftFen: 1000 });
  const wb: WalletBench = Object.assign(bench, {
    w,
    wOk,
    wTimer: <T>() => extra.wallet({ Type: 'Timer', TriggerName: 'tick', Time: new Date(bench.clock()).toISOString() }, context(null)) as Promise<Envelope<T>>,
    async join(openid: string) {
      await wOk('member', openid, 'join', { nickname: `会员${openid}` });
    },
    async topUp(openid: string, planId = PLAN) {
      const { orderId } = await wOk('wallet', openid, 'topUp', { planId, requestId: newRequestId() });
      await bench.ok('order', openid, 'pay', { orderId });
      await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
      return orderId as string;
    },
    async placeOrder(openid: string, qty = 1, sku = 'sku-tea-s') {
      const order = await bench.ok('order', openid, 'create', { items: [{ skuId: sku, quantity: qty }], fulfillment: DELIVERY, requestId: newRequestId(), source: 'buyNow', couponId: null });
      return order._id as string;
    },
    async balance(openid: string) {
      return wOk('wallet', openid, 'balance', {});
    },
    async entries(openid?: string) {
      const { data } = await bench.db.collection('wallet_entries').where(openid ? { openid } : {}).limit(1000).get();
      return data;
    },
  });
  return wb;
}
