/**
 * Issue 13, part 3: community orders go through the shop's order creation
 * (stock, idempotency, 取货码) until the cut-off, checked inside the order's
 * transaction; payment makes them READY_FOR_PICKUP at the leader's point; only
 * that leader hands them out, once; operators read sales and confirm statements.
 */
import { newRequestId, START } from './order-harness';
import { codeOf } from './function-callers';
import { approveRefund } from './refund-helpers';
import { community, CUTOFF, HOUR, LEADER_A, LEADER_B, OPERATOR, PICKUP_DAY, startCommunityBench, type CommunityBench } from './community-harness';

const { call, ok } = community;
const BUYER = 'buyer-1';

describe('community orders', () => {
  let bench: CommunityBench;
  let leaderA: string;
  let leaderB: string;
  let activityId: string;
  beforeEach(async () => {
    bench = await startCommunityBench();
    leaderA = await bench.approvedLeader(LEADER_A, '阳光小区');
    leaderB = await bench.approvedLeader(LEADER_B, '明月花园', 31.3, 121.5);
    activityId = await bench.activity();
  });
  afterEach(() => bench.close());

  const place = (openid: string, over: Record<string, unknown> = {}) =>
    call('community', openid, 'placeOrder', { activityId, leaderId: leaderA, items: [{ skuId: 'sku-tea-s', quantity: 2 }], requestId: newRequestId(), ...over });

  it('places a pickup order at the leader point, at the activity price, with a 取货码; paying makes it ready', async () => {
    expect((await ok('community', BUYER, 'activities')).map((a: any) => a.activityId)).toEqual([activityId]);
    const view = await ok('community', BUYER, 'activity', { activityId });
    expect(view).toMatchObject({ pickupDate: PICKUP_DAY, closedReason: null });
    expect(view.items.map((i: any) => [i.skuId, i.price, i.listPrice])).toEqual([
      ['sku-tea-s', 1990, 2900],
      ['sku-tea-l', 3900, 3900],
    ]);

    const placed = await place(BUYER);
    expect(placed.ok).toBe(true);
    const order = await bench.order((placed as any).data._id);
    expect(order.fulfillment).toMatchObject({ type: 'pickup', storeId: leaderA, storeName: '阳光小区' });
    expect(order.fulfillment.pickupCode).toMatch(/^\d{8}$/);
    expect(order.community).toEqual({ activityId, leaderId: leaderA, pointName: '阳光小区', pointAddress: '上海市徐汇区阳光小区', pickupDate: PICKUP_DAY, commissionBps: 1000 });
    expect(order.items[0]).toMatchObject({ unitPrice: 1990, quantity: 2, lineTotal: 3980 });
    expect(order.amounts.payable).toBe(3980);
    expect((await bench.sku('sku-tea-s')).stock).toBe(98);

    await bench.ok('order', BUYER, 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect((await bench.order(order._id)).status).toBe('READY_FOR_PICKUP');
    // The dashboard counts it as 社区团购, not 普通订单.
    const { data: days } = await bench.db.collection('stats_daily').limit(10).get();
    expect(days.reduce((sum: number, d: any) => sum + (d.kinds?.community?.paidOrders ?? 0), 0)).toBe(1);
    expect(days.reduce((sum: number, d: any) => sum + (d.kinds?.normal?.paidOrders ?? 0), 0)).toBe(0);
    // The customer's order page: the leader's point as the pickup place, the pickup day, no commission rate.
    const detail = await bench.ok('order', BUYER, 'get', { orderId: order._id });
    expect(detail.pickupStore).toMatchObject({ storeId: leaderA, name: '阳光小区', address: '上海市徐汇区阳光小区', phone: '13800001111', hours: '08:00–21:00' });
    expect(detail.community).toEqual({ activityId, pointName: '阳光小区', pointAddress: '上海市徐汇区阳光小区', pickupDate: PICKUP_DAY });
    // The point is remembered and preselected next time.
    expect(await ok('community', BUYER, 'points', {})).toMatchObject({ lastLeaderId: leaderA, preselectedLeaderId: leaderA });
  });

  it('refuses SKUs outside the activity, unapproved leaders, and a reused request id with other input', async () => {
    expect(codeOf(await place(BUYER, { items: [{ skuId: 'sku-cake', quantity: 1 }] }))).toBe('COMMUNITY_SKU_NOT_IN_ACTIVITY');
    const pending = await ok('community', 'not-yet', 'apply', { realName: '李', point: (await bench.doc('community_leaders', leaderA))!.point });
    expect(codeOf(await place(BUYER, { leaderId: pending.leaderId }))).toBe('LEADER_NOT_APPROVED');
    const requestId = newRequestId();
    expect(codeOf(await place(BUYER, { requestId }))).toBe('OK');
    expect(codeOf(await place(BUYER, { requestId }))).toBe('OK');
    expect(codeOf(await place(BUYER, { requestId, leaderId: leaderB }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await bench.count('orders')).toBe(1);
  });

  it('refuses after the cut-off with COMMUNITY_ACTIVITY_CLOSED', async () => {
    bench.clock.set(CUTOFF);
    const refused = await place(BUYER);
    expect(refused).toMatchObject({ ok: false, error: { code: 'COMMUNITY_ACTIVITY_CLOSED', message: '活动已截单，请关注下一期' } });
    expect(await ok('community', BUYER, 'activities')).toEqual([]);
  });

  it('checks the cut-off inside the order transaction: open when prepared, past it when committing → refused, nothing taken', async () => {
    bench.clock.set(CUTOFF - 1);
    const original = bench.db.runTransaction.bind(bench.db);
    (bench.db as any).runTransaction = (work: any) => {
      bench.clock.set(CUTOFF);
      return original(work);
    };
    expect(codeOf(await place(BUYER))).toBe('COMMUNITY_ACTIVITY_CLOSED');
    (bench.db as any).runTransaction = original;
    expect(await bench.count('orders')).toBe(0);
    expect((await bench.sku('sku-tea-s')).stock).toBe(100);
  });

  it('concurrent orders racing the cut-off: each one commits before it or is refused, and stock matches the orders', async () => {
    // Each order transaction that commits moves the clock on by 1 ms as its committing run ends, so the 60 orders,
    // all prepared while open, commit across the cut-off: exactly 30 before it. Transactions run one at a time; in the
    // suite's re-run mode (SIYU_TX_RERUN) every callback's first run is rolled back and the second commits, and the
    // re-runs queue behind the other callers' first runs, so only the committing run may move the clock (moving it
    // after runTransaction returned instead depended on when the engine's group commit made the batch durable).
    bench.clock.set(CUTOFF - 30);
    const faults = bench.db.transactionFaults;
    expect(faults.conflictRate).toBe(0);
    const committingRun = faults.rerun ? 2 : 1;
    const original = bench.db.runTransaction.bind(bench.db);
    const ranAt = new Map<string, number>();
    (bench.db as any).runTransaction = async (work: any) => {
      let run = 0;
      return original(async (tx: any) => {
        run += 1;
        const at = bench.clock();
        const out = await work(tx);
        if (run === committingRun && typeof out === 'string' && out.startsWith('o_')) {
          ranAt.set(out, at);
          bench.clock.advance(1);
        }
        return out;
      });
    };
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => place(`racer-${i}`, { items: [{ skuId: 'sku-tea-s', quantity: 1 }] })));
    (bench.db as any).runTransaction = original;
    const codes = results.map(codeOf);
    const placed = codes.filter((c) => c === 'OK').length;
    expect(placed + codes.filter((c) => c === 'COMMUNITY_ACTIVITY_CLOSED').length).toBe(60);
    expect(placed).toBe(30);
    const placedIds = results.filter((r) => r.ok).map((r: any) => r.data._id);
    expect(placedIds.every((id) => ranAt.get(id)! < CUTOFF)).toBe(true);
    expect(await bench.count('orders')).toBe(placed);
    const sku = await bench.sku('sku-tea-s');
    expect(sku.stock).toBe(100 - placed);
    expect(sku.sold).toBe(placed);
  });

  it('the leader hands out with the pickup code: once, only their own orders, never by store staff', async () => {
    const order = await bench.paidOrder(BUYER, activityId, leaderA);
    const code = order.fulfillment.pickupCode as string;

    const list = await ok('community', LEADER_A, 'handout', { pickupDate: PICKUP_DAY });
    expect(list).toMatchObject({ pickupDate: PICKUP_DAY, toHandOut: 1, handedOut: 0, point: { name: '阳光小区' } });
    expect(JSON.stringify(list)).not.toContain(code);
    expect(JSON.stringify(list)).not.toContain(BUYER);
    expect((await ok('community', LEADER_B, 'handout', { pickupDate: PICKUP_DAY })).orders).toEqual([]);

    // Another leader, a customer, and a store's staff cannot hand it out.
    expect(codeOf(await call('community', LEADER_B, 'verify', { code }))).toBe('COMMUNITY_NOT_YOUR_ORDER');
    expect(codeOf(await call('community', 'stranger', 'verify', { code }))).toBe('LEADER_NOT_FOUND');
    await bench.grantStaff('clerk', ['store-demo']);
    const { functionCallers } = await import('./function-callers');
    const staff = functionCallers('staff');
    expect(codeOf(await staff.call('staff', 'clerk', 'verifyPickup', { orderId: order._id, storeId: 'store-demo' }))).toBe('PICKUP_WRONG_STORE');
    expect(codeOf(await staff.call('staff', 'clerk', 'verifyPickup', { orderId: order._id, storeId: leaderA }))).toBe('FORBIDDEN');
    expect(codeOf(await call('community', LEADER_A, 'verify', { code: '00000000' }))).toBe('PICKUP_CODE_NOT_FOUND');

    // Twice at once: one hand-over.
    const both = await Promise.all([1, 2].map(() => ok('community', LEADER_A, 'verify', { code: `${code.slice(0, 4)} ${code.slice(4)}` })));
    expect(both.map((r) => r.verifiedNow).sort()).toEqual([false, true]);
    const done = await bench.order(order._id);
    expect(done.status).toBe('COMPLETED');
    expect(done.history.filter((h: any) => h.event === 'pickUp')).toHaveLength(1);
    expect((await bench.doc('pickup_codes', code))!.open).toBe(false);
    expect((await ok('community', LEADER_A, 'verify', { code })).verifiedNow).toBe(false);
    expect(await ok('community', LEADER_A, 'handout', { pickupDate: PICKUP_DAY })).toMatchObject({ toHandOut: 0, handedOut: 1 });
  });

  it('an unpaid order cannot be handed out', async () => {
    const placed = await ok('community', BUYER, 'placeOrder', { activityId, leaderId: leaderA, items: [{ skuId: 'sku-tea-s', quantity: 1 }], requestId: newRequestId() });
    const code = (await bench.order(placed._id)).fulfillment.pickupCode;
    expect(codeOf(await call('community', LEADER_A, 'verify', { code }))).toBe('PICKUP_STATE_INVALID');
  });

  it('saving an activity: a retried create makes one, a reused request id with other input is refused, prices are checked', async () => {
    const input = { requestId: 'act-req-0001', title: '周四团', items: [{ skuId: 'sku-cake', price: 9900 }], startAt: START, cutoffAt: CUTOFF, commissionBps: 500 };
    const both = await Promise.all([1, 2].map(() => ok('community', OPERATOR, 'saveActivity', input)));
    expect(both[0].activityId).toBe(both[1].activityId);
    expect(both[0]).toMatchObject({ pickupDate: PICKUP_DAY, commissionBps: 500, items: [{ skuId: 'sku-cake', price: 9900, skuPrice: 12800 }] });
    expect(await bench.count('community_activities')).toBe(2);
    expect(codeOf(await call('community', OPERATOR, 'saveActivity', { ...input, title: '别的' }))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(codeOf(await call('community', OPERATOR, 'saveActivity', { ...input, requestId: 'act-req-0002', items: [{ skuId: 'sku-cake', price: 13000 }] }))).toBe(
      'COMMUNITY_ACTIVITY_INVALID',
    );
    expect(codeOf(await call('community', OPERATOR, 'saveActivity', { ...input, requestId: 'act-req-0003', items: [{ skuId: 'sku-old', price: null }] }))).toBe(
      'COMMUNITY_ACTIVITY_INVALID',
    );
    expect(codeOf(await call('community', BUYER, 'saveActivity', { ...input, requestId: 'act-req-0004' }))).toBe('FORBIDDEN');
    // Editing keeps orders placed before at their prices; closing it stops new ones.
    await ok('community', OPERATOR, 'saveActivity', { ...input, requestId: undefined, activityId: both[0].activityId, status: 'CLOSED' });
    expect(codeOf(await place(BUYER, { activityId: both[0].activityId, items: [{ skuId: 'sku-cake', quantity: 1 }] }))).toBe('COMMUNITY_ACTIVITY_CLOSED');
  });

  it('operators see sales per activity and per leader', async () => {
    const second = await bench.activity({ title: '周三社区团', items: [{ skuId: 'sku-tea-s', price: 1500 }] });
    await bench.paidOrder('b1', activityId, leaderA, 2);
    await bench.paidOrder('b2', activityId, leaderB, 1);
    await bench.paidOrder('b3', second, leaderA, 1);
    await ok('community', 'b4', 'placeOrder', { activityId, leaderId: leaderA, items: [{ skuId: 'sku-tea-s', quantity: 1 }], requestId: newRequestId() });

    const sales = await ok('community', OPERATOR, 'sales', {});
    expect(sales.totals).toEqual({ orders: 3, gmvFen: 3980 + 1990 + 1500, refundedFen: 0 });
    const byActivity = Object.fromEntries(sales.byActivity.map((r: any) => [r.key, [r.orders, r.gmvFen, r.units]]));
    expect(byActivity).toEqual({ [activityId]: [2, 5970, 3], [second]: [1, 1500, 1] });
    const byLeader = Object.fromEntries(sales.byLeader.map((r: any) => [r.key, [r.orders, r.gmvFen]]));
    expect(byLeader).toEqual({ [leaderA]: [2, 5480], [leaderB]: [1, 1990] });
    expect(sales.byLeader[0].label).toBe('阳光小区（阳光小区团长）');
    const one = await ok('community', OPERATOR, 'sales', { activityId: second });
    expect(one.totals.orders).toBe(1);
  });

  it('the monthly statement sums the leader commission ledger; the operator confirms it once the month is over, and it stays frozen', async () => {
    await bench.paidOrder('b1', activityId, leaderA, 2); // 3980 × 10% = 398
    const second = await bench.paidOrder('b2', activityId, leaderA, 1); // 199
    const month = '2025-01';
    const statement = await ok('community', OPERATOR, 'statement', { leaderId: leaderA, month });
    expect(statement).toMatchObject({ month, accruedFen: 597, reversedFen: 0, netFen: 597, orders: 2, confirmable: false, confirmed: null });
    expect(await ok('community', LEADER_A, 'myStatement', { month })).toMatchObject({ netFen: 597 });
    expect(codeOf(await call('community', OPERATOR, 'confirmStatement', { leaderId: leaderA, month }))).toBe('STATEMENT_MONTH_OPEN');
    expect(codeOf(await call('community', LEADER_A, 'confirmStatement', { leaderId: leaderA, month }))).toBe('FORBIDDEN');

    bench.clock.set(Date.parse('2025-02-01T00:00:00+08:00') + HOUR);
    const both = await Promise.all([1, 2].map(() => ok('community', OPERATOR, 'confirmStatement', { leaderId: leaderA, month })));
    expect(both[0].confirmed).toEqual(both[1].confirmed);
    expect(await bench.count('community_statements')).toBe(1);
    expect(both[0]).toMatchObject({ netFen: 597, confirmable: false });

    // A refund in February reverses the commission in February's statement; January's stays as confirmed.
    await bench.ok('order', 'b2', 'requestRefund', { orderId: second._id });
    await approveRefund(bench, second._id);
    await bench.timer('order', 'processRefunds');
    expect((await bench.order(second._id)).status).toBe('REFUNDED');
    expect(await ok('community', OPERATOR, 'statement', { leaderId: leaderA, month })).toMatchObject({ netFen: 597, confirmed: { at: both[0].confirmed.at } });
    expect(await ok('community', OPERATOR, 'statement', { leaderId: leaderA, month: '2025-02' })).toMatchObject({
      accruedFen: 0,
      reversedFen: 199,
      netFen: -199,
      confirmed: null,
    });
  });
});
