import { DELIVERY, newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';

/**
 * Refund review (issue 10, item 6): a customer's request waits in
 * REFUND_REQUESTED; the operator approves or rejects it once; the sweep
 * approves one nobody decided within refundAutoApproveHours.
 */
describe('refund review', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = await startShopBench();
    await bench.grantOperator('ops-2');
    await bench.db.collection('roles').doc('staff-1').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: bench.clock() });
  });
  afterEach(() => bench.close());

  const placeAndPay = async (openid = 'u1', items = [{ skuId: 'sku-tea-l', quantity: 2 }], fulfillment: object = DELIVERY) => {
    const order = await bench.ok('order', openid, 'create', { items, fulfillment, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    return (await bench.order(order._id)) as Record<string, any> & { _id: string };
  };
  const HOUR = 3_600_000;
  const sandboxRefunds = () => bench.count('sandbox_refunds');

  it('a request refunds nothing until approved; then the refund-due path pays it back', async () => {
    const order = await placeAndPay();
    const asked = await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });
    expect(asked).toMatchObject({ status: 'REFUND_REQUESTED', refundRequest: { state: 'PENDING', full: true, amount: order.amounts.payable } });
    expect(asked.refundRequest.timeline.map((s: { label: string; state: string }) => `${s.label}:${s.state}`)).toEqual([
      '申请退款:done',
      '商家处理中:current',
      '退款中:todo',
      '已退款:todo',
    ]);
    expect(await bench.count('refunds')).toBe(0);
    await bench.timer('order', 'sweep');
    expect(await sandboxRefunds()).toBe(0);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 8, sold: 2 });

    const approved = await bench.ok('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'approve' });
    expect(approved.status).toBe('REFUNDING');
    expect(await bench.count('refunds', { orderId: order._id, status: 'DUE' })).toBe(1);
    await bench.timer('order', 'sweep');
    const done = await bench.ok('order', 'u1', 'get', { orderId: order._id });
    expect(done).toMatchObject({ status: 'REFUNDED', refundRequest: { state: 'APPROVED' } });
    expect(done.refundRequest.timeline.every((s: { state: string }) => s.state === 'done')).toBe(true);
    expect(await sandboxRefunds()).toBe(1);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 10, sold: 0 });
    const audit = (await bench.db.collection('staff_audit').where({ action: 'reviewRefund' }).get()).data;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ staffOpenid: 'ops-1', storeId: '', target: order._id, result: 'ok' });
    expect(audit[0].detail).toContain('同意');
  });

  it('concurrent approve and reject decide once: one wins, the other answers REFUND_ALREADY_DECIDED', async () => {
    for (let round = 0; round < 3; round += 1) {
      const order = await placeAndPay();
      await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });
      const answers = await Promise.all([
        bench.call('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'approve' }),
        bench.call('order', 'ops-2', 'reviewRefund', { orderId: order._id, decision: 'reject', reason: '商品已拆封' }),
        bench.call('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'approve' }),
      ]);
      const winners = answers.filter((a) => a.ok);
      expect(winners).toHaveLength(1);
      for (const loser of answers.filter((a) => !a.ok)) expect(loser).toMatchObject({ ok: false, error: { code: 'REFUND_ALREADY_DECIDED' } });
      const stored = await bench.order(order._id);
      const won = winners[0]!.data as { status: string };
      expect(stored.status).toBe(won.status);
      expect(await bench.count('refunds', { orderId: order._id })).toBe(won.status === 'REFUNDING' ? 1 : 0);
      expect(stored.history.filter((h: { event: string }) => ['approveRefund', 'rejectRefund'].includes(h.event))).toHaveLength(1);
    }
  });

  it('the sweep approves an undecided request after refundAutoApproveHours, once, even run twice and concurrently', async () => {
    await bench.db.collection('settings').doc('order').set({ refundAutoApproveHours: 24 });
    const order = await placeAndPay();
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });
    bench.clock.advance(23 * HOUR);
    await bench.timer('order', 'sweep');
    expect((await bench.order(order._id)).status).toBe('REFUND_REQUESTED');

    bench.clock.advance(HOUR);
    const runs = await Promise.all([bench.timer('order', 'sweep'), bench.timer('order', 'sweep')]);
    const approved = runs.reduce((n, r) => n + (r.ok ? (r.data as { autoApproveRefunds: { changed: number } }).autoApproveRefunds.changed : 0), 0);
    expect(approved).toBe(1);
    await bench.timer('order', 'sweep');
    expect(await bench.count('refunds', { orderId: order._id })).toBe(1);
    expect(await sandboxRefunds()).toBe(1);
    const stored = await bench.order(order._id);
    expect(stored).toMatchObject({ status: 'REFUNDED', refundRequest: { state: 'APPROVED', decidedBy: 'system' } });
    expect(stored.history.filter((h: { event: string }) => h.event === 'approveRefund')).toEqual([expect.objectContaining({ by: 'system' })]);
    // An operator arriving late finds it decided.
    expect(await bench.call('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'reject', reason: '晚了' })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_ALREADY_DECIDED' },
    });
  });

  it('the default auto-approval is 48 h', async () => {
    const order = await placeAndPay();
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });
    bench.clock.advance(47 * HOUR);
    await bench.timer('order', 'sweep');
    expect((await bench.order(order._id)).status).toBe('REFUND_REQUESTED');
    bench.clock.advance(HOUR);
    await bench.timer('order', 'sweep');
    expect((await bench.order(order._id)).status).toBe('REFUNDED');
  });

  it('reject needs a reason and returns the order to its previous status; one re-request with a new reason, then no more', async () => {
    const order = await placeAndPay('u1', [{ skuId: 'sku-tea-l', quantity: 2 }], PICKUP);
    expect(order.status).toBe('READY_FOR_PICKUP');
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });
    expect(await bench.call('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'reject' })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_REJECT_REASON_REQUIRED' },
    });
    const rejected = await bench.ok('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'reject', reason: '已备货完成' });
    expect(rejected).toMatchObject({ status: 'READY_FOR_PICKUP', refundRequest: { state: 'REJECTED', rejectReason: '已备货完成', canRequest: true } });
    expect(rejected.refundRequest.timeline.at(-1)).toMatchObject({ label: '已拒绝', state: 'failed', note: '已备货完成' });
    expect(await bench.count('refunds')).toBe(0);

    expect(await bench.call('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_REASON_REQUIRED' },
    });
    const again = await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '临时有事，无法到店' });
    expect(again).toMatchObject({ status: 'REFUND_REQUESTED', refundRequest: { attempt: 2, state: 'PENDING' } });
    await bench.ok('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'reject', reason: '请到店自提' });
    const last = await bench.ok('order', 'u1', 'get', { orderId: order._id });
    expect(last).toMatchObject({ status: 'READY_FOR_PICKUP', refundRequest: { canRequest: false } });
    expect(await bench.call('order', 'u1', 'requestRefund', { orderId: order._id, reason: '第三次' })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_REQUEST_LIMIT' },
    });
    // Back where it was, the order goes on: picked up as before (pickUp is allowed from READY_FOR_PICKUP).
    expect((await bench.order(order._id)).status).toBe('READY_FOR_PICKUP');
  });

  it('the customer withdraws a pending request: back to the previous status, twice harmlessly; may ask again', async () => {
    const order = await placeAndPay();
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });
    expect(await bench.call('order', 'u2', 'withdrawRefund', { orderId: order._id })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
    const taps = await Promise.all([1, 2].map(() => bench.ok('order', 'u1', 'withdrawRefund', { orderId: order._id })));
    for (const t of taps) expect(t).toMatchObject({ status: 'PAID', refundRequest: { state: 'WITHDRAWN' } });
    expect(await bench.call('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_ALREADY_DECIDED' },
    });
    bench.clock.advance(72 * HOUR);
    await bench.timer('order', 'sweep');
    expect(await bench.count('refunds')).toBe(0);
    // The order can still ship, and the customer may ask again.
    await bench.ok('order', 'ops-1', 'ship', { orderId: order._id, trackingNo: 'SF1' });
    expect(await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' })).toMatchObject({
      status: 'REFUND_REQUESTED',
      refundRequest: { attempt: 2, state: 'PENDING' },
    });
    expect((await bench.order(order._id)).refundRequest.previousStatus).toBe('SHIPPED');
  });

  it('partial refund by line: the order keeps its status, refundedFen recorded, the refunded units go back; over-refund refused', async () => {
    const order = await placeAndPay('u1', [
      { skuId: 'sku-tea-l', quantity: 2 },
      { skuId: 'sku-tea-s', quantity: 1 },
    ]);
    const paid = order.payment.amount as number;
    expect(await bench.call('order', 'u1', 'requestRefund', { orderId: order._id, lines: [{ skuId: 'sku-tea-l', quantity: 3 }] })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_LINE_INVALID' },
    });
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '少喝一杯', lines: [{ skuId: 'sku-tea-l', quantity: 1 }] });
    const asked = await bench.order(order._id);
    const share = asked.refundRequest.amount as number;
    expect(asked.refundRequest).toMatchObject({ full: false, lines: [{ skuId: 'sku-tea-l', quantity: 1 }] });
    expect(share).toBe(Math.floor((paid * 3900) / (2 * 3900 + 2900)));

    const approved = await bench.ok('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'approve' });
    expect(approved).toMatchObject({ status: 'PAID', refundedFen: share });
    const due = (await bench.db.collection('refunds').doc(`R${order._id}`).get()).data[0];
    expect(due).toMatchObject({ amount: share, total: paid, partial: true, status: 'DUE' });
    await bench.timer('order', 'sweep');
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 9, sold: 1 });
    const afterPartial = await bench.ok('order', 'u1', 'get', { orderId: order._id });
    expect(afterPartial).toMatchObject({ status: 'PAID', refundRequest: { state: 'APPROVED' } });
    expect(afterPartial.refundRequest.refundedAt).toBe(bench.clock());
    expect(afterPartial.refundableLines).toEqual([
      { skuId: 'sku-tea-l', quantity: 1 },
      { skuId: 'sku-tea-s', quantity: 1 },
    ]);

    // The rest: a full refund of what is left, its own out_refund_no, the rest of the stock back.
    expect(await bench.call('order', 'u1', 'requestRefund', { orderId: order._id, amount: paid - share + 1 })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_AMOUNT_EXCEEDS_PAID' },
    });
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '都不要了' });
    expect((await bench.order(order._id)).refundRequest).toMatchObject({ full: true, amount: paid - share });
    await bench.ok('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'approve' });
    await bench.timer('order', 'sweep');
    expect(await bench.order(order._id)).toMatchObject({ status: 'REFUNDED', refundedFen: paid });
    const refunds = (await bench.db.collection<{ amount: number }>('sandbox_refunds').where({ orderId: order._id }).get()).data;
    expect(refunds.map((r: { _id: string }) => r._id).sort()).toEqual([`R${order._id}`, `R${order._id}-2`]);
    expect(refunds.reduce((n, r) => n + r.amount, 0)).toBe(paid);
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 10, sold: 0 });
    expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
  });

  it('partial refund by amount: never above paid minus refunded; a shipped order keeps its stock', async () => {
    const order = await placeAndPay();
    const paid = order.payment.amount as number;
    await bench.ok('order', 'ops-1', 'ship', { orderId: order._id, trackingNo: 'SF1' });
    expect(await bench.call('order', 'u1', 'requestRefund', { orderId: order._id, amount: paid + 1 })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_AMOUNT_EXCEEDS_PAID' },
    });
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '包装破损', amount: 500 });
    expect(await bench.ok('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'approve' })).toMatchObject({ status: 'SHIPPED', refundedFen: 500 });
    await bench.timer('order', 'sweep');
    expect(await bench.sku('sku-tea-l')).toMatchObject({ stock: 8, sold: 2 });
    const provider = (await bench.db.collection('sandbox_refunds').doc(`R${order._id}`).get()).data[0];
    expect(provider).toMatchObject({ amount: 500, total: paid });
    expect(await bench.call('order', 'u1', 'requestRefund', { orderId: order._id, amount: paid - 500 + 1 })).toMatchObject({
      ok: false,
      error: { code: 'REFUND_AMOUNT_EXCEEDS_PAID' },
    });
    // Still shipped: the customer can confirm receipt.
    expect(await bench.ok('order', 'u1', 'confirm', { orderId: order._id })).toMatchObject({ status: 'COMPLETED', refundedFen: 500 });
  });

  it('reviewRefund and listRefundRequests are for operators only: FORBIDDEN for customers and staff', async () => {
    const order = await placeAndPay();
    await bench.ok('order', 'u1', 'requestRefund', { orderId: order._id, reason: '不想要了' });
    for (const who of ['u1', 'u2', 'staff-1']) {
      expect(await bench.call('order', who, 'reviewRefund', { orderId: order._id, decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await bench.call('order', who, 'listRefundRequests', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect((await bench.order(order._id)).status).toBe('REFUND_REQUESTED');
    expect(await bench.call('order', 'ops-1', 'reviewRefund', { orderId: order._id, decision: 'maybe' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });

  it('lists pending requests oldest first with the auto-approve time, and decided ones newest first', async () => {
    const a = await placeAndPay('u1');
    const b = await placeAndPay('u2');
    await bench.ok('order', 'u1', 'requestRefund', { orderId: a._id, reason: '不想要了' });
    bench.clock.advance(HOUR);
    await bench.ok('order', 'u2', 'requestRefund', { orderId: b._id, reason: '拍错了' });
    const pending = await bench.ok('order', 'ops-1', 'listRefundRequests', { tab: 'pending' });
    expect(pending.items.map((r: { orderId: string }) => r.orderId)).toEqual([a._id, b._id]);
    expect(pending.items[0]).toMatchObject({ reason: '不想要了', amount: a.payment.amount, customerName: '张三', autoApproveAt: (await bench.order(a._id)).refundRequestedAt + 48 * HOUR });
    await bench.ok('order', 'ops-1', 'reviewRefund', { orderId: b._id, decision: 'reject', reason: '已发货' });
    const decided = await bench.ok('order', 'ops-1', 'listRefundRequests', { tab: 'decided' });
    expect(decided.items).toEqual([expect.objectContaining({ orderId: b._id, state: 'REJECTED', decisionNote: '已发货', autoApproveAt: null })]);
    expect((await bench.ok('order', 'ops-1', 'listRefundRequests', { tab: 'pending' })).items.map((r: { orderId: string }) => r.orderId)).toEqual([a._id]);
  });
});
