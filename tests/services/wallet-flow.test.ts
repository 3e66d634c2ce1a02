import { approveRefund } from './refund-helpers';
import { OPS, PLAN, startWalletBench, type WalletBench } from './wallet-harness';
import { newRequestId } from './order-harness';

describe('stored value: top-up, pay with the wallet, refund to the wallet', () => {
  let b: WalletBench;
  beforeEach(async () => {
    b = await startWalletBench();
  });
  afterEach(() => b.close());

  it('lists the plans and refuses a top-up to a non-member (MEMBER_REQUIRED)', async () => {
    const plans = await b.wOk('wallet', 'u1', 'plans', {});
    expect(plans.items).toEqual([{ planId: PLAN, title: '充100送10', payFen: 10000, giftFen: 1000, perMemberLimit: null, validUntil: null, giftValidDays: null }]);
    const refused = await b.w('wallet', 'u1', 'topUp', { planId: PLAN, requestId: newRequestId() });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('MEMBER_REQUIRED');
  });

  it('credits principal and gift exactly once on the payment notification, and earns no points for the top-up', async () => {
    await b.join('u1');
    const requestId = newRequestId();
    const { orderId } = await b.wOk('wallet', 'u1', 'topUp', { planId: PLAN, requestId });
    expect((await b.wOk('wallet', 'u1', 'topUp', { planId: PLAN, requestId })).orderId).toBe(orderId);
    const reused = await b.w('wallet', 'u1', 'topUp', { planId: 'other-plan', requestId });
    expect(!reused.ok && reused.error.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await b.balance('u1')).toMatchObject({ principalFen: 0, giftFen: 0, totalFen: 0 });
    await b.ok('order', 'u1', 'pay', { orderId });
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 3, { concurrent: true });
    expect(await b.balance('u1')).toMatchObject({ principalFen: 10000, giftFen: 1000, totalFen: 11000 });
    const order = await b.order(orderId);
    expect(order.status).toBe('COMPLETED');
    expect(await b.count('points_ledger', { openid: 'u1', kind: 'earn' })).toBe(0);
    const ledger = await b.wOk('wallet', 'u1', 'ledger', {});
    expect(ledger.items.map((e: any) => [e.bucket, e.deltaFen, e.kind])).toEqual(
      expect.arrayContaining([
        ['principal', 10000, 'topUp'],
        ['gift', 1000, 'gift'],
      ]),
    );
    expect(await b.count('notify_outbox', { template: 'walletChange', openid: 'u1' })).toBe(1);
  });

  it('keeps top-ups out of the customer\'s 我的订单, beside their shop orders', async () => {
    await b.join('u1');
    await b.topUp('u1');
    const orderId = await b.placeOrder('u1', 1);
    const listed = await b.ok('order', 'u1', 'list', {});
    expect(listed.items.map((o: any) => o._id)).toEqual([orderId]);
    expect((await b.ok('order', 'u1', 'list', { status: 'COMPLETED' })).items).toEqual([]);
  });

  it('pays an order from the wallet at once (gift first), earns points, and WALLET_INSUFFICIENT takes nothing', async () => {
    await b.join('u1');
    await b.topUp('u1');
    const orderId = await b.placeOrder('u1', 2); // ¥58 + shipping? payable from the order
    const payable = (await b.order(orderId)).amounts.payable;
    const view = await b.ok('order', 'u1', 'pay', { orderId, method: 'wallet' });
    expect(view.payment).toMatchObject({ provider: 'wallet', giftFen: 1000, principalFen: payable - 1000 });
    const order = await b.order(orderId);
    expect(order.status).toBe('PAID');
    expect(order.payment.method).toBe('wallet');
    expect(await b.balance('u1')).toMatchObject({ giftFen: 0, principalFen: 10000 - (payable - 1000) });
    expect(await b.count('points_ledger', { openid: 'u1', kind: 'earn' })).toBe(1);
    // A repeat answers the same payment; nothing taken twice.
    await b.ok('order', 'u1', 'pay', { orderId, method: 'wallet' });
    expect((await b.balance('u1')).totalFen).toBe(11000 - payable);

    const big = await b.placeOrder('u1', 5, 'sku-cake'); // ¥640
    const before = await b.balance('u1');
    const refused = await b.call('order', 'u1', 'pay', { orderId: big, method: 'wallet' });
    expect(!refused.ok && refused.error.code).toBe('WALLET_INSUFFICIENT');
    expect(await b.balance('u1')).toEqual(before);
    expect((await b.order(big)).status).toBe('PENDING_PAYMENT');
  });

  it('an approved refund of a wallet-paid order returns to each bucket exactly what it took', async () => {
    await b.join('u1');
    await b.topUp('u1');
    const orderId = await b.placeOrder('u1', 2);
    await b.ok('order', 'u1', 'pay', { orderId, method: 'wallet' });
    await b.ok('order', 'u1', 'requestRefund', { orderId, reason: '不想要了' });
    await approveRefund(b, orderId);
    await b.timer('order', 'processRefunds');
    await b.timer('order', 'processRefunds');
    expect((await b.order(orderId)).status).toBe('REFUNDED');
    expect(await b.balance('u1')).toMatchObject({ principalFen: 10000, giftFen: 1000 });
    expect(await b.count('sandbox_refunds')).toBe(0);
    const kinds = (await b.entries('u1')).filter((e) => e.kind === 'refund').map((e) => [e.bucket, e.deltaFen]);
    expect(kinds.sort()).toEqual([['gift', 1000], ['principal', (await b.order(orderId)).amounts.payable - 1000]].sort());
  });

  it('principal refund: the principal back to the top-up trades newest first, the gift forfeited, idempotent', async () => {
    await b.join('u1');
    const first = await b.topUp('u1');
    b.clock.advance(60_000);
    const second = await b.topUp('u1');
    const orderId = await b.placeOrder('u1', 1); // ¥29 (+ shipping)
    await b.ok('order', 'u1', 'pay', { orderId, method: 'wallet' });
    const left = await b.balance('u1');
    const requestId = newRequestId();
    const request = await b.wOk('wallet', 'u1', 'requestRefund', { requestId });
    expect(request.status).toBe('PENDING');
    expect((await b.wOk('wallet', 'u1', 'requestRefund', { requestId })).refundId).toBe(request.refundId);
    const again = await b.w('wallet', 'u1', 'requestRefund', { requestId: newRequestId() });
    expect(!again.ok && again.error.code).toBe('WALLET_REFUND_PENDING');
    const approved = await b.wOk('wallet', OPS, 'reviewRefund', { refundId: request.refundId, decision: 'approve' });
    expect(approved.principalFen).toBe(left.principalFen);
    expect(approved.giftForfeitFen).toBe(left.giftFen);
    expect(await b.balance('u1')).toMatchObject({ principalFen: 0, giftFen: 0 });
    await b.wTimer();
    const { data: sandboxRefunds } = await b.db.collection('sandbox_refunds').limit(10).get();
    const byOrder = Object.fromEntries(sandboxRefunds.map((r: any) => [r.orderId, r.amount]));
    expect(byOrder[second]).toBe(10000); // newest first, in full
    expect(byOrder[first]).toBe(left.principalFen - 10000);
    const mine = await b.wOk('wallet', 'u1', 'myRefunds', {});
    expect(mine.items[0].status).toBe('DONE');
    // Approving again changes nothing.
    await b.wOk('wallet', OPS, 'reviewRefund', { refundId: request.refundId, decision: 'approve' });
    expect(await b.count('sandbox_refunds')).toBe(sandboxRefunds.length);
  });

  it('gift expiry: a plan with giftValidDays expires the gift once by the tick', async () => {
    await b.join('u1');
    await b.wOk('wallet', OPS, 'savePlan', { planId: 'plan-exp', title: '充100送20', payFen: 10000, giftFen: 2000, giftValidDays: 30 });
    await b.topUp('u1', 'plan-exp');
    b.clock.advance(31 * 24 * 3600_000);
    await b.wTimer();
    await b.wTimer();
    expect(await b.balance('u1')).toMatchObject({ principalFen: 10000, giftFen: 0 });
    expect((await b.entries('u1')).filter((e) => e.kind === 'giftExpiry')).toHaveLength(1);
  });

  it('operators see the liability and the day rollup', async () => {
    await b.join('u1');
    await b.topUp('u1');
    const overview = await b.wOk('wallet', OPS, 'opsOverview', {});
    expect(overview).toMatchObject({ principalFen: 10000, giftFen: 1000, totalFen: 11000, accounts: 1 });
    expect(overview.days[0]).toMatchObject({ topUpFen: 10000, giftFen: 1000 });
    const refused = await b.w('wallet', 'u1', 'opsOverview', {});
    expect(refused.ok).toBe(false);
  });
});

describe('operator adjustment', () => {
  it('adds to one bucket with a reason once per requestId, refuses a take past the bucket, is audited', async () => {
    const b = await startWalletBench();
    try {
      await b.join('u1');
      const requestId = newRequestId();
      const input = { openid: 'u1', bucket: 'gift', deltaFen: 500, reason: '补偿', requestId };
      await Promise.all([b.wOk('wallet', OPS, 'adjust', input), b.wOk('wallet', OPS, 'adjust', input)]);
      expect(await b.balance('u1')).toMatchObject({ principalFen: 0, giftFen: 500 });
      const take = await b.w('wallet', OPS, 'adjust', { ...input, deltaFen: -501, requestId: newRequestId() });
      expect(!take.ok && take.error.code).toBe('WALLET_INSUFFICIENT');
      expect(await b.count('staff_audit', { action: 'walletAdjust' })).toBe(1);
      const customer = await b.w('wallet', 'u1', 'adjust', { ...input, requestId: newRequestId() });
      expect(customer.ok).toBe(false);
    } finally {
      b.close();
    }
  });
});

describe('a WeChat payment on top of a wallet payment', () => {
  it('goes back through WeChat (DUPLICATE_PAYMENT), never into the wallet', async () => {
    const b = await startWalletBench();
    try {
      await b.join('u1');
      await b.topUp('u1');
      const orderId = await b.placeOrder('u1', 1);
      await b.ok('order', 'u1', 'pay', { orderId }); // a WeChat trade opened first…
      await b.ok('order', 'u1', 'pay', { orderId, method: 'wallet' }); // …then paid from the wallet
      const after = await b.balance('u1');
      await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1); // and the WeChat trade paid too
      await b.timer('order', 'processRefunds');
      expect(await b.count('sandbox_refunds')).toBe(1);
      expect(await b.balance('u1')).toEqual(after);
      expect((await b.order(orderId)).payment.method).toBe('wallet');
    } finally {
      b.close();
    }
  });
});
