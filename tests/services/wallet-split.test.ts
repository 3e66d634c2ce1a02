import { sandboxNotification } from '../../src/server/local/pay/notification';
import { approveRefund } from './refund-helpers';
import { DELIVERY, newRequestId } from './order-harness';
import { startWalletBench, type WalletBench } from './wallet-harness';

jest.setTimeout(120_000);

/** Split payment (余额 + 微信, issue 14): the balance held, WeChat for the rest, settled or released. */
describe('split payment: the wallet part held, WeChat Pay for the rest', () => {
  let b: WalletBench;
  beforeEach(async () => {
    b = await startWalletBench();
    await b.join('u1');
    await b.topUp('u1'); // principal 10000, gift 1000
  });
  afterEach(() => b.close());

  const bigOrder = () => b.placeOrder('u1', 1, 'sku-cake'); // ¥128: more than the balance of ¥110
  const spendOf = async (orderId: string) => (await b.db.collection('wallet_spends').doc(orderId).get()).data[0] as any;

  it('holds the whole balance, opens WeChat for the rest, and the notification settles it (points on the whole payment)', async () => {
    const orderId = await bigOrder();
    const payable = (await b.order(orderId)).amounts.payable;
    const views = await Promise.all([1, 2, 3].map(() => b.ok('order', 'u1', 'pay', { orderId, method: 'split' })));
    for (const view of views) expect(view).toMatchObject({ amount: payable - 11000, walletFen: 11000, payment: { provider: 'sandbox', amount: payable - 11000 } });
    expect(await b.balance('u1')).toMatchObject({ principalFen: 0, giftFen: 0 });
    expect((await b.entries('u1')).filter((e) => e.cause === `hold:${orderId}`).map((e) => [e.bucket, e.deltaFen]).sort()).toEqual([['gift', -1000], ['principal', -10000]]);
    expect(await spendOf(orderId)).toMatchObject({ state: 'HELD', principalFen: 10000, giftFen: 1000, cashFen: payable - 11000 });
    const view = await b.ok('order', 'u1', 'get', { orderId });
    expect(view.walletFen).toBe(11000);

    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 3, { concurrent: true });
    const order = await b.order(orderId);
    expect(order.status).toBe('PAID');
    expect(order.payment).toMatchObject({ method: 'split', walletFen: 11000, amount: payable });
    expect(await spendOf(orderId)).toMatchObject({ state: 'SETTLED' });
    expect(await b.balance('u1')).toMatchObject({ principalFen: 0, giftFen: 0 });
    const earned = (await b.db.collection('points_ledger').where({ openid: 'u1', kind: 'earn' }).get()).data as any[];
    expect(earned).toHaveLength(1);
    const overview = await b.wOk('wallet', 'ops-1', 'opsOverview', {});
    expect(overview.days[0]).toMatchObject({ spentFen: 11000 });
  });

  it('refuses a split the balance would cover (WALLET_COVERS_ORDER) or with no balance (WALLET_INSUFFICIENT), taking nothing', async () => {
    const small = await b.placeOrder('u1', 1); // ¥29
    const covered = await b.call('order', 'u1', 'pay', { orderId: small, method: 'split' });
    expect(!covered.ok && covered.error.code).toBe('WALLET_COVERS_ORDER');
    await b.join('u2');
    const other = await b.placeOrder('u2', 1);
    const none = await b.call('order', 'u2', 'pay', { orderId: other, method: 'split' });
    expect(!none.ok && none.error.code).toBe('WALLET_INSUFFICIENT');
    expect(await b.balance('u1')).toMatchObject({ totalFen: 11000 });
    expect(await b.count('wallet_spends')).toBe(0);
  });

  it('a cancel gives the held part back to the buckets it came from, once', async () => {
    const orderId = await bigOrder();
    await b.ok('order', 'u1', 'pay', { orderId, method: 'split' });
    await Promise.all([b.call('order', 'u1', 'cancel', { orderId }), b.call('order', 'u1', 'cancel', { orderId })]);
    expect((await b.order(orderId)).status).toBe('CANCELLED');
    expect(await b.balance('u1')).toMatchObject({ principalFen: 10000, giftFen: 1000 });
    expect((await b.entries('u1')).filter((e) => e.kind === 'release')).toHaveLength(2);
    expect(await spendOf(orderId)).toMatchObject({ state: 'RELEASED' });
    const view = await b.ok('order', 'u1', 'get', { orderId });
    expect(view.walletFen).toBeUndefined();
  });

  it('the sweep of an unpaid split order asks the provider, closes the trade and gives the hold back', async () => {
    const orderId = await bigOrder();
    await b.ok('order', 'u1', 'pay', { orderId, method: 'split' });
    b.clock.advance(16 * 60_000);
    await b.timer('order', 'sweep');
    await b.timer('order', 'sweep');
    expect((await b.order(orderId)).status).toBe('CANCELLED');
    expect(await b.balance('u1')).toMatchObject({ principalFen: 10000, giftFen: 1000 });
    expect((await b.entries('u1')).filter((e) => e.kind === 'release')).toHaveLength(2);
    expect(await b.count('refunds', { orderId })).toBe(0);
  });

  it('the sweep finds a split order whose WeChat part was paid without a notification: paid, hold settled, nothing released', async () => {
    const orderId = await bigOrder();
    await b.ok('order', 'u1', 'pay', { orderId, method: 'split' });
    const trade = (await b.order(orderId)).payAttempt.outTradeNo;
    await b.db.collection('sandbox_payments').doc(trade).update({ status: 'PAID', transactionId: 'wx-lost', paidAt: b.clock() });
    b.clock.advance(16 * 60_000);
    await b.timer('order', 'sweep');
    const order = await b.order(orderId);
    expect(order.status).toBe('PAID');
    expect(order.payment).toMatchObject({ method: 'split', walletFen: 11000 });
    expect(await b.balance('u1')).toMatchObject({ totalFen: 0 });
    expect(await spendOf(orderId)).toMatchObject({ state: 'SETTLED' });
  });

  it('a payment of the trade opened for the full amount before the hold is refunded (AMOUNT_MISMATCH), and the order stays payable', async () => {
    const orderId = await bigOrder();
    await b.ok('order', 'u1', 'pay', { orderId }); // a WeChat trade for all of it…
    const first = (await b.order(orderId)).payAttempt.outTradeNo;
    await b.ok('order', 'u1', 'pay', { orderId, method: 'split' }); // …then the split: a new trade for the rest
    const second = (await b.order(orderId)).payAttempt.outTradeNo;
    expect(second).not.toBe(first);
    expect(((await b.db.collection('sandbox_payments').doc(first).get()).data[0] as any).status).toBe('CLOSED'); // closed with the provider
    const payable = (await b.order(orderId)).amounts.payable;
    // Had the customer paid the old sheet after all (the first trade's number is the order id):
    await b.db.collection('sandbox_payments').doc(first).update({ status: 'PAID', transactionId: 'wx-old', paidAt: b.clock() });
    await b.payCallback(sandboxNotification({ orderId: first, result: 'SUCCESS', totalFee: payable, openid: 'u1', transactionId: 'wx-old', paidAt: b.clock() }));
    expect((await b.order(orderId)).status).toBe('PENDING_PAYMENT');
    const { data: due } = await b.db.collection('refunds').where({ orderId }).get();
    expect(due.map((r: any) => [r.reason, r.amount, r.outTradeNo])).toEqual([['AMOUNT_MISMATCH', payable, first]]);
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    expect((await b.order(orderId)).status).toBe('PAID');
    await b.timer('order', 'processRefunds');
    const { data: refunds } = await b.db.collection('sandbox_refunds').get();
    expect(refunds.map((r: any) => r.amount)).toEqual([payable]);
    expect(await b.balance('u1')).toMatchObject({ totalFen: 0 });
  });

  it('with the wallet part held, paying the rest from the wallet pays the order as one wallet payment', async () => {
    const orderId = await bigOrder();
    const payable = (await b.order(orderId)).amounts.payable;
    await b.ok('order', 'u1', 'pay', { orderId, method: 'split' });
    await b.topUp('u1'); // now 11000 again
    const view = await b.ok('order', 'u1', 'pay', { orderId, method: 'wallet' });
    expect(view.payment).toMatchObject({ provider: 'wallet', principalFen: 10000 + (payable - 11000 - 1000), giftFen: 2000 });
    const order = await b.order(orderId);
    expect(order.payment).toMatchObject({ method: 'wallet', amount: payable });
    expect((await b.balance('u1')).totalFen).toBe(22000 - payable);
    await b.ok('order', 'u1', 'requestRefund', { orderId, reason: '不想要了' });
    await approveRefund(b, orderId);
    await b.timer('order', 'processRefunds');
    expect(await b.balance('u1')).toMatchObject({ principalFen: 20000, giftFen: 2000 });
    expect(await b.count('sandbox_refunds')).toBe(0);
  });

  it('a refund of a split-paid order: the wallet part to the buckets, the rest through WeChat against the trade’s own total, once', async () => {
    const orderId = await bigOrder();
    const payable = (await b.order(orderId)).amounts.payable;
    await b.ok('order', 'u1', 'pay', { orderId, method: 'split' });
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    await b.ok('order', 'u1', 'requestRefund', { orderId, reason: '不想要了' });
    await approveRefund(b, orderId);
    await Promise.all([b.timer('order', 'processRefunds'), b.timer('order', 'processRefunds')]);
    await b.timer('order', 'processRefunds');
    expect((await b.order(orderId)).status).toBe('REFUNDED');
    expect(await b.balance('u1')).toMatchObject({ principalFen: 10000, giftFen: 1000 });
    const { data: refunds } = await b.db.collection('sandbox_refunds').get();
    expect(refunds.map((r: any) => [r.amount, r.total])).toEqual([[payable - 11000, payable - 11000]]);
  });

  it('partial refunds divide in the order’s proportion and together return exactly what each side paid', async () => {
    const order = await b.ok('order', 'u1', 'create', {
      items: [
        { skuId: 'sku-cake', quantity: 1 },
        { skuId: 'sku-tea-l', quantity: 1 },
      ],
      fulfillment: DELIVERY,
      requestId: newRequestId(),
      source: 'buyNow',
      couponId: null,
    });
    const orderId = order._id as string;
    const payable = (await b.order(orderId)).amounts.payable;
    await b.ok('order', 'u1', 'pay', { orderId, method: 'split' });
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    await b.ok('order', 'u1', 'requestRefund', { orderId, reason: '少一件', lines: [{ skuId: 'sku-tea-l', quantity: 1 }] });
    await approveRefund(b, orderId);
    await b.timer('order', 'processRefunds');
    const afterPartial = await b.balance('u1');
    expect(afterPartial.totalFen).toBeGreaterThan(0);
    expect(afterPartial.totalFen).toBeLessThan(11000);
    await b.ok('order', 'u1', 'requestRefund', { orderId, reason: '都不要了' });
    await approveRefund(b, orderId);
    await b.timer('order', 'processRefunds');
    expect(await b.balance('u1')).toMatchObject({ principalFen: 10000, giftFen: 1000 });
    const { data: refunds } = await b.db.collection('sandbox_refunds').get();
    expect(refunds.reduce((s: number, r: any) => s + r.amount, 0)).toBe(payable - 11000);
  });
});
