/**
 * What each customer, staff and timer action costs in CloudBase database
 * operations (issue 15, part 4): the standard journeys run against the local
 * engine through the counting Db of tests/services/db-budget.ts, one row per
 * step, each row the sum of the cloud-function calls the client (or WeChat
 * Pay, or the timer) makes for that step. Shared by `npm run bench:cost`
 * (scripts/bench/cost.ts, prints the table) and the budget tests
 * (tests/services/action-budgets.test.ts, pin the counts). Not a test file.
 *
 * The figures are what one uncontended call costs: transactions are not
 * re-run (the suite's SIYU_TX_RERUN is switched off on this bench), the
 * clock is frozen, and the day's order-number counter shards exist already
 * (mid-day), so every count is deterministic. Each caller's role record is
 * read once per instance per ROLE_CACHE_TTL_MS (5 s) and the clock does not
 * move: the customer's was read at sign-up (setup, not counted), the staff
 * member's falls in "staff verification".
 */
import { randomUUID } from 'crypto';
import { ORDER_NO_SHARDS, orderNoDay } from '../../src/core/order/order-no';
import type { Envelope } from '../../src/core/envelope';
import type { FunctionContext } from '../../src/server/kit/types';
import { installRuntime } from '../../src/server/kit';
import { countingDb, type CountingDb, type DbCounts } from './db-budget';
import { mainOf, type Main } from './function-callers';
import { PICKUP, seedShop } from './order-harness';
import { startPromotionBench, type PromotionBench } from './promotion-harness';

export interface StepCost extends DbCounts {
  step: string;
  /** Cloud-function invocations in the step, `fn.action` each (`payCallback` for WeChat Pay's notification, `crm.tick` for the timer). */
  functions: string[];
  /** `collection.method` of every database call, in order. */
  trace: string[];
  /** Database calls that read (`get`, `count`) and that write: what CloudBase bills as read and write operations. */
  readOps: number;
  writeOps: number;
}

export interface CostReport {
  steps: StepCost[];
  /** Members the campaign step delivered to (its row is the cost of all of them; per member = row ÷ this). */
  campaignMembers: number;
}

const FUNCTIONS = ['catalog', 'cart', 'order', 'flashsale', 'points', 'member', 'mall', 'staff', 'crm', 'coupon', 'notify', 'wallet'] as const;
type Fn = (typeof FUNCTIONS)[number];

const CUSTOMER = 'cost-customer';
const STAFF = 'cost-staff';
const OPERATOR = 'ops-1';
const HOUR = 3_600_000;
const CAMPAIGN_MEMBERS = 10;

let requests = 0;
const rid = (): string => `cost-${Date.now().toString(36)}-${(requests += 1)}`;

export async function runCostJourneys(): Promise<CostReport> {
  const bench: PromotionBench = startPromotionBench();
  try {
    return await journeys(bench);
  } finally {
    bench.close();
  }
}

async function journeys(bench: PromotionBench): Promise<CostReport> {
  // Budgets are what one uncontended call costs: no re-run of the transactions.
  bench.db.setTransactionFaults({ rerun: false, conflictRate: 0 });
  const counter: CountingDb = countingDb(bench.db);
  installRuntime({ ...bench.runtime, db: counter.db });
  const mains = Object.fromEntries(FUNCTIONS.map((name) => [name, mainOf(name)])) as Record<Fn, Main>;
  const ctx = (openid: string | null): FunctionContext => ({ request_id: randomUUID(), environ: openid ? `WX_OPENID=${openid};WX_APPID=wxtest` : '' });

  // One step's calls, counted together.
  let functions: string[] = [];
  const call = async (fn: Fn, openid: string, action: string, data: unknown = {}): Promise<Envelope<any>> => {
    functions.push(`${fn}.${action}`);
    return mains[fn]({ action, data }, ctx(openid));
  };
  const ok = async (fn: Fn, openid: string, action: string, data: unknown = {}): Promise<any> => {
    const answer = await call(fn, openid, action, data);
    if (!answer.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(answer.error)}`);
    return answer.data;
  };
  const refused = async (code: string, fn: Fn, openid: string, action: string, data: unknown = {}): Promise<void> => {
    const answer = await call(fn, openid, action, data);
    if (answer.ok || answer.error.code !== code) throw new Error(`${fn}.${action}: expected ${code}, got ${JSON.stringify(answer)}`);
  };
  const steps: StepCost[] = [];
  const measure = async (step: string, work: () => Promise<unknown>): Promise<void> => {
    functions = [];
    counter.trace.length = 0;
    const counts = await counter.during(work);
    const trace = [...counter.trace];
    const readOps = trace.filter((t) => t.endsWith('.get') || t.endsWith('.count')).length;
    steps.push({ step, ...counts, functions: [...functions], trace, readOps, writeOps: counts.calls - readOps });
  };
  /** Setup outside the table: counted nowhere. */
  const setup = async (work: () => Promise<unknown>): Promise<void> => {
    functions = [];
    await work();
    functions = [];
  };

  // ---- the shop: catalog seed (no history), a staffed pickup store, the customer a member ----
  await seedShop(bench.db, [
    { _id: 'sku-tea-s', productId: 'p-tea', price: 2900, stock: 10_000 },
    { _id: 'sku-tea-l', productId: 'p-tea', price: 3900, stock: 10_000 },
    { _id: 'sku-cake', productId: 'p-cake', price: 12800, stock: 10_000 },
  ]);
  await bench.db.collection('stores').doc('store-demo').set({ name: '示例门店', address: '上海市', pickupEnabled: true, sort: 1 });
  await bench.grantOperator(OPERATOR);
  await bench.grantStaff(STAFF, ['store-demo']);
  const day = orderNoDay(bench.clock());
  for (let shard = 0; shard < ORDER_NO_SHARDS; shard += 1) {
    await bench.db.collection('order_no_counters').doc(`${day}:${shard}`).set({ day, shard, count: 100, updatedAt: bench.clock() });
  }
  await bench.putMallItem('mug', { title: '马克杯', pointsPrice: 100, stock: 100, perMemberLimit: 5, sort: 1 });
  const sale = await ok('flashsale', OPERATOR, 'create', {
    skuId: 'sku-tea-s',
    salePrice: 900,
    quantity: 2,
    startAt: bench.clock(),
    endAt: bench.clock() + HOUR,
    perMemberLimit: 1,
    shards: 2,
  });
  const members = Array.from({ length: CAMPAIGN_MEMBERS }, (_, i) => `cost-m${i}`);
  await setup(async () => {
    await ok('member', CUSTOMER, 'join', { nickname: '小思' });
    for (const m of members) {
      await ok('member', m, 'join', { nickname: `会员${m}` });
      await ok('notify', m, 'subscribe', { results: { campaignNotice: 'accept' } });
    }
    await mains.crm({ Type: 'Timer', TriggerName: 'tick', Time: new Date(bench.clock()).toISOString() }, ctx(null));
  });

  // ---- the customer's journey ----
  await measure('open home', async () => {
    await ok('member', CUSTOMER, 'visit');
    await ok('catalog', CUSTOMER, 'home');
    await ok('flashsale', CUSTOMER, 'list');
    await ok('catalog', CUSTOMER, 'listProducts', { page: 0, pageSize: 10 });
    await ok('cart', CUSTOMER, 'list');
  });
  await measure('product', async () => {
    await ok('catalog', CUSTOMER, 'productDetail', { productId: 'p-tea' });
    await ok('coupon', CUSTOMER, 'templates');
  });
  await measure('add to cart', () => ok('cart', CUSTOMER, 'add', { skuId: 'sku-tea-l', quantity: 2, requestId: rid() }));
  let orderId = '';
  await measure('checkout and pay', async () => {
    const items = [{ skuId: 'sku-tea-l', quantity: 2 }];
    await ok('order', CUSTOMER, 'addresses');
    await ok('catalog', CUSTOMER, 'pickupStores');
    await ok('order', CUSTOMER, 'quote', { items, fulfillment: PICKUP });
    const order = await ok('order', CUSTOMER, 'create', { items, fulfillment: PICKUP, requestId: rid(), source: 'cart' });
    orderId = order._id;
    await ok('order', CUSTOMER, 'pay', { orderId });
    functions.push('payCallback');
    await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    await ok('order', CUSTOMER, 'get', { orderId });
    await ok('points', CUSTOMER, 'ledger', { kind: 'earn', pageSize: 10 });
  });
  await measure('flash-sale buy (success)', () => ok('flashsale', CUSTOMER, 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP }));
  // Sell the sale out (another buyer), and let the first refusal set the sold-out flag: outside the table.
  await setup(async () => {
    await ok('flashsale', 'cost-rival', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
    await refused('SOLD_OUT', 'flashsale', 'cost-late', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
    await refused('SOLD_OUT', 'flashsale', 'cost-late', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP });
  });
  await measure('flash-sale buy (refused, sold out)', () =>
    refused('SOLD_OUT', 'flashsale', 'cost-late', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment: PICKUP }),
  );
  await measure('check-in', async () => {
    await ok('points', CUSTOMER, 'checkInCalendar');
    await ok('points', CUSTOMER, 'checkIn');
  });
  await measure('mall redemption', async () => {
    await ok('mall', CUSTOMER, 'get', { itemId: 'mug' });
    await ok('mall', CUSTOMER, 'redeem', { itemId: 'mug', requestId: rid(), fulfillment: PICKUP });
  });

  // ---- staff: the customer's pickup order handed over ----
  const pickupCode = ((await bench.order(orderId)).fulfillment as { pickupCode: string }).pickupCode;
  await measure('staff verification', async () => {
    await ok('staff', STAFF, 'myStores');
    await ok('staff', STAFF, 'scan', { code: pickupCode, storeId: 'store-demo' });
    await ok('staff', STAFF, 'verifyPickup', { orderId, storeId: 'store-demo' });
  });

  // ---- a campaign (points + a subscription message) to every member, run by the timer ----
  let delivered = 0;
  let campaignId = '';
  await setup(async () => {
    const { segmentId } = await ok('crm', OPERATOR, 'saveSegment', { name: '活动会员', filter: { q: '会员cost-m' } });
    ({ campaignId } = await ok('crm', OPERATOR, 'createCampaign', {
      name: '积分回馈',
      segmentId,
      incentive: { type: 'points', points: 50 },
      message: { note: '积分到账', page: 'pages/home/index' },
      holdoutPct: 0,
      startAt: bench.clock(),
    }));
  });
  await measure(`campaign delivered (${CAMPAIGN_MEMBERS} members)`, async () => {
    functions.push('crm.tick');
    const tick = await mains.crm({ Type: 'Timer', TriggerName: 'tick', Time: new Date(bench.clock()).toISOString() }, ctx(null));
    if (!tick.ok) throw new Error(`crm tick failed: ${JSON.stringify(tick.error)}`);
  });
  await setup(async () => {
    const view = await ok('crm', OPERATOR, 'campaign', { campaignId });
    delivered = view.granted;
    if (view.messaged !== view.target || view.granted !== CAMPAIGN_MEMBERS) throw new Error(`campaign not delivered in one tick: ${JSON.stringify(view)}`);
  });

  // ---- stored value (issue 14): a top-up of ¥100 + ¥10, a wallet payment, a split payment ----
  const walletOrder = async (skuId: string): Promise<string> => (await ok('order', CUSTOMER, 'create', { items: [{ skuId, quantity: 1 }], fulfillment: PICKUP, requestId: rid(), source: 'buyNow' }))._id;
  let teaOrder = '';
  let cakeOrder = '';
  await setup(async () => {
    await ok('wallet', OPERATOR, 'savePlan', { planId: 'plan-cost', title: '充100送10', payFen: 10000, giftFen: 1000 });
    const { orderId: topUp } = await ok('wallet', CUSTOMER, 'topUp', { planId: 'plan-cost', requestId: rid() });
    await ok('order', CUSTOMER, 'pay', { orderId: topUp });
    await bench.pay.deliverPaymentNotification(topUp, 'SUCCESS', 1);
    teaOrder = await walletOrder('sku-tea-l');
    cakeOrder = await walletOrder('sku-cake');
  });
  await measure('pay from the wallet', () => ok('order', CUSTOMER, 'pay', { orderId: teaOrder, method: 'wallet' }));
  await measure('split payment (hold, WeChat for the rest, notification)', async () => {
    await ok('order', CUSTOMER, 'pay', { orderId: cakeOrder, method: 'split' });
    functions.push('payCallback');
    await bench.pay.deliverPaymentNotification(cakeOrder, 'SUCCESS', 1);
  });
  return { steps, campaignMembers: delivered };
}
