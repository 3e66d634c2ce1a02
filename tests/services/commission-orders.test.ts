/**
 * Commission through the order flow: a bound customer's order carries its
 * guide (set in the creating transaction), accrues on payment at the rate
 * snapshot, and its refunds, partial then full, reverse exactly what it
 * accrued. Concurrent payments and refunds keep the guide's ledger equal to
 * its balance; replayed notifications and refund workers change nothing.
 */
import { functionCallers } from './function-callers';
import { newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';

const { ok } = functionCallers('guide');

describe('commission on guides’ orders', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
    await bench.db.collection('roles').doc('g1').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: 0 });
    await bench.db.collection('users').doc('g1').set({ nickname: '王小美' });
    await bench.db.collection('skus').doc('sku-tea-l').update({ stock: 500 });
  });
  afterEach(() => bench.close());

  const entries = async () => (await bench.db.collection('commission_entries').where({ kind: 'guide', beneficiaryId: 'g1' }).limit(1000).get()).data as any[];
  const account = async () => ((await bench.db.collection('commission_accounts').doc('guide:g1').get()).data[0] ?? { balanceFen: 0, accruedFen: 0, reversedFen: 0 }) as any;
  const sum = (rows: any[]) => rows.reduce((n, e) => n + e.amountFen, 0);
  const bindTo = async (customer: string) => ok('guide', customer, 'bind', { code: (await ok('guide', 'g1', 'myCode', {})).code });
  const buy = async (customer: string, quantity = 3) => {
    const order = await bench.ok('order', customer, 'create', { items: [{ skuId: 'sku-tea-l', quantity }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', customer, 'pay', { orderId: order._id });
    return order;
  };
  const refund = async (customer: string, orderId: string, ask: object) => {
    await bench.ok('order', customer, 'requestRefund', { orderId, ...ask });
    await bench.ok('order', 'ops-1', 'reviewRefund', { orderId, decision: 'approve' });
  };
  const work = async () => {
    await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
    await bench.timer('order', 'processRefunds');
  };

  it('accrues on payment, partial refunds reverse their share and the full refund the rest: exactly the order’s commission', async () => {
    await bindTo('c1');
    const order = await buy('c1');
    expect(await bench.order(order._id)).toMatchObject({ guideId: 'g1', guideStoreId: 'store-demo', guideCommissionBps: 300 });
    // The rate changes after the order was placed: the order keeps its snapshot.
    await ok('guide', 'ops-1', 'saveSettings', { settings: { commissionBps: 1000, rebindDays: 30 } });
    await Promise.all([bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1), bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1)]);
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(order.amounts.payable).toBe(11700);
    expect(await account()).toMatchObject({ balanceFen: 351, accruedFen: 351 });

    const month = await ok('guide', 'g1', 'myMonth', {});
    expect(month).toMatchObject({ period: '2025-01', customers: 1, newCustomers: 1, orders: 1, gmvFen: 11700, commissionFen: 351, balanceFen: 351 });
    expect(month.items).toEqual([expect.objectContaining({ orderNo: order.orderNo, gmvFen: 11700, commissionFen: 351, reversedFen: 0, stateLabel: '已计佣' })]);
    expect(JSON.stringify(month)).not.toContain('c1');

    await refund('c1', order._id, { reason: '少喝一杯', lines: [{ skuId: 'sku-tea-l', quantity: 1 }] }); // 39.00 of 117.00
    await work();
    expect(await account()).toMatchObject({ balanceFen: 351 - 117 });
    await refund('c1', order._id, { reason: '包装破损', amount: 1050 }); // cumulative 49.50: floor(351 × 4950 / 11700) = 148
    await work();
    expect(await account()).toMatchObject({ balanceFen: 351 - 148 });
    await refund('c1', order._id, { reason: '都不要了' });
    await work();
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED' });
    const rows = await entries();
    expect(rows.map((e) => [e._id.split(order._id).join('O'), e.amountFen]).sort()).toEqual([
      ['guide:g1:O:accrue', 351],
      ['guide:g1:O:reverse:R' + 'O', -117],
      ['guide:g1:O:reverse:R' + 'O' + '-2', -31],
      ['guide:g1:O:reverse:final', -203],
    ]);
    expect(sum(rows)).toBe(0);
    expect(await account()).toMatchObject({ balanceFen: 0, accruedFen: 351, reversedFen: 351 });
    const after = await ok('guide', 'g1', 'myMonth', {});
    expect(after).toMatchObject({ orders: 1, commissionFen: 0, accruedFen: 351, reversedFen: 351 });
    expect(after.items[0]).toMatchObject({ stateLabel: '已退款', reversedFen: 351 });
  });

  it('concurrent payments and refunds of many customers: the ledger sums to the balance, each refunded order to zero; replays change nothing', async () => {
    const customers = Array.from({ length: 10 }, (_, i) => `c${i}`);
    await Promise.all(customers.map(bindTo));
    const orders = await Promise.all(customers.map((c, i) => buy(c, 1 + (i % 3))));
    // every payment notification twice, all at once
    await Promise.all(orders.flatMap((o) => [bench.pay.deliverPaymentNotification(o._id, 'SUCCESS', 1), bench.pay.deliverPaymentNotification(o._id, 'SUCCESS', 1)]));
    const accrued = orders.reduce((n, o) => n + Math.floor((o.amounts.payable * 300) / 10000), 0);
    expect(await account()).toMatchObject({ balanceFen: accrued, accruedFen: accrued });

    // Even customers refund everything, odd ones 10.00; the refunds are approved and performed concurrently.
    await Promise.all(orders.map((o, i) => refund(customers[i], o._id, i % 2 === 0 ? { reason: '不要了' } : { reason: '少一点', amount: 1000 })));
    await Promise.all([work(), work()]);
    const rows = await entries();
    const acc = await account();
    expect(acc.balanceFen).toBe(sum(rows));
    expect(acc.balanceFen).toBe(acc.accruedFen - acc.reversedFen);
    orders.forEach((o, i) => {
      const mine = rows.filter((e) => e.orderId === o._id);
      const given = Math.floor((o.amounts.payable * 300) / 10000);
      expect(sum(mine)).toBe(i % 2 === 0 ? 0 : given - Math.floor((given * 1000) / o.amounts.payable));
    });

    const snapshot = JSON.stringify([await account(), (await entries()).length]);
    await Promise.all(orders.map((o) => bench.pay.deliverPaymentNotification(o._id, 'SUCCESS', 1)));
    await work();
    expect(JSON.stringify([await account(), (await entries()).length])).toBe(snapshot);

    const board = await ok('guide', 'ops-1', 'leaderboard', { storeId: 'store-demo', period: '2025-01' });
    expect(board.rows[0]).toMatchObject({ rank: 1, nickname: '王小美', active: true, customers: 10, orders: 10, commissionFen: acc.balanceFen });
    expect(board.rows[0].gmvFen).toBe(orders.reduce((n, o) => n + o.amounts.payable, 0));
  });

  it('a community order accrues its leader’s commission at the activity’s rate, and its refund reverses it', async () => {
    const order = await buy('c-community', 2); // 78.00
    // As services/community stamps it in the creating transaction.
    await bench.db.collection('orders').doc(order._id).update({ community: { activityId: 'ca-1', leaderId: 'l1', pointName: '幸福里', pointAddress: '1 号楼', pickupDate: '2025-01-07', commissionBps: 800 } });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    const leader = async () => (await bench.db.collection('commission_accounts').doc('leader:l1').get()).data[0] as any;
    expect(await leader()).toMatchObject({ kind: 'leader', balanceFen: 624, accruedFen: 624 });
    expect(await account()).toMatchObject({ balanceFen: 0 });
    await refund('c-community', order._id, { reason: '不要了' });
    await work();
    expect(await leader()).toMatchObject({ balanceFen: 0, reversedFen: 624, entries: 2 });
    expect((await bench.db.collection('commission_periods').doc('leader:l1:2025-01').get()).data[0]).toMatchObject({ orders: 1, accruedFen: 624, reversedFen: 624 });
  });

  it('a customer with no guide earns nobody commission', async () => {
    const order = await buy('c-free');
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(await bench.order(order._id)).not.toHaveProperty('guideId');
    expect(await bench.count('commission_entries')).toBe(0);
  });
});
