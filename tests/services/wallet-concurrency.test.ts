import { seededRandom } from '../../src/core/seeded-random';
import { approveRefund } from './refund-helpers';
import { newRequestId } from './order-harness';
import { OPS, startWalletBench, type WalletBench } from './wallet-harness';

/** The ledger's invariants over whatever happened: per bucket balance = Σ entries ≥ 0, no cause twice, principal conserved. */
async function checkInvariants(b: WalletBench, members: string[]): Promise<void> {
  const entries = await b.entries();
  const ids = new Set<string>();
  const causes = new Set<string>();
  for (const e of entries) {
    const key = `${e.openid}|${e.cause}|${e.bucket}`;
    expect(causes.has(key)).toBe(false); // no cause applied twice to a bucket
    causes.add(key);
    expect(ids.has(e._id)).toBe(false);
    ids.add(e._id);
  }
  for (const openid of members) {
    const mine = entries.filter((e) => e.openid === openid);
    const sum = (bucket: string, pred: (e: any) => boolean = () => true) => mine.filter((e) => e.bucket === bucket && pred(e)).reduce((s, e) => s + e.deltaFen, 0);
    const { data } = await b.db.collection('wallet_accounts').doc(openid).get();
    const account: any = data[0] ?? { principalFen: 0, giftFen: 0, giftLots: [] };
    expect(account.principalFen).toBe(sum('principal'));
    expect(account.giftFen).toBe(sum('gift'));
    expect(account.principalFen).toBeGreaterThanOrEqual(0);
    expect(account.giftFen).toBeGreaterThanOrEqual(0);
    expect(account.giftLots.reduce((s: number, l: any) => s + l.fen, 0)).toBe(account.giftFen);
    // Σ principal in = Σ principal spent + Σ principal refunded + balance (refunds to the wallet count as money back in).
    const principalIn = sum('principal', (e) => e.kind === 'topUp' || e.kind === 'refund' || e.kind === 'release');
    const spent = -sum('principal', (e) => e.kind === 'spend' || e.kind === 'storeCharge');
    const refunded = -sum('principal', (e) => e.kind === 'principalRefund');
    expect(principalIn).toBe(spent + refunded + account.principalFen);
    // A split payment's hold lives exactly as long as its unpaid order: settled once paid, given back once cancelled.
    const { data: spends } = await b.db.collection('wallet_spends').where({ openid }).limit(1000).get();
    for (const spend of spends as any[]) {
      if (!spend.state) continue;
      const order = await b.order(spend._id);
      const expected = order.status === 'PENDING_PAYMENT' ? 'HELD' : order.status === 'CANCELLED' ? 'RELEASED' : 'SETTLED';
      expect([spend._id, spend.state]).toEqual([spend._id, expected]);
    }
    // Per-entry running balances are consistent with seq order.
    for (const bucket of ['principal', 'gift']) {
      let running = 0;
      for (const e of mine.filter((x) => x.bucket === bucket).sort((x, y) => x.seq - y.seq)) {
        running += e.deltaFen;
        expect(e.balanceAfterFen).toBe(running);
      }
    }
  }
}

describe('wallet under concurrency', () => {
  let b: WalletBench;
  beforeEach(async () => {
    b = await startWalletBench();
  });
  afterEach(() => b.close());

  it('100 concurrent wallet payments against a balance covering 10 pay exactly 10 orders', async () => {
    await b.join('u1');
    // ¥100 + ¥10 gift = 11000 fen; orders of 1 × ¥39 + shipping? use pickup-free price: sku-tea-l ¥39 delivered below ¥99 pays shipping.
    await b.wOk('wallet', OPS, 'savePlan', { planId: 'plan-exact', title: '充 ¥X', payFen: 10 * 3900 - 1000, giftFen: 1000 });
    await b.db.collection('skus').doc('sku-tea-l').update({ stock: 1000 });
    const orders: string[] = [];
    for (let i = 0; i < 100; i += 1) {
      const order = await b.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: { type: 'pickup', storeId: 'store-demo' }, requestId: newRequestId(), source: 'buyNow', couponId: null });
      orders.push(order._id);
    }
    expect((await b.order(orders[0])).amounts.payable).toBe(3900);
    await b.topUp('u1', 'plan-exact');
    expect((await b.balance('u1')).totalFen).toBe(39000);
    const results = await Promise.all(orders.map((orderId) => b.call('order', 'u1', 'pay', { orderId, method: 'wallet' })));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.error.code === 'WALLET_INSUFFICIENT')).toHaveLength(90);
    expect(await b.count('orders', { status: 'READY_FOR_PICKUP', openid: 'u1' })).toBe(10);
    expect(await b.balance('u1')).toMatchObject({ principalFen: 0, giftFen: 0, totalFen: 0 });
    await checkInvariants(b, ['u1']);
  });

  it('property: seeded random concurrent top-ups, payments, refunds, in-store charges, principal refunds and expiries, with replays', async () => {
    const members = ['m1', 'm2', 'm3'];
    for (const m of members) await b.join(m);
    await b.wOk('wallet', OPS, 'savePlan', { planId: 'plan-exp', title: '充50送8', payFen: 5000, giftFen: 800, giftValidDays: 3 });
    await b.db.collection('roles').doc('clerk').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: 0 });
    await b.db.collection('skus').doc('sku-tea-s').update({ stock: 100000 });
    await b.db.collection('skus').doc('sku-cake').update({ stock: 100000 });
    for (const seed of [7, 42, 2026]) {
      const random = seededRandom(seed);
      const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
      for (let round = 0; round < 6; round += 1) {
        const ops: Array<() => Promise<unknown>> = [];
        for (let k = 0; k < 6; k += 1) {
          const m = pick(members);
          const kind = pick(['topUp', 'topUp', 'pay', 'pay', 'split', 'refund', 'charge', 'principal', 'expire'] as const);
          if (kind === 'topUp') {
            ops.push(async () => {
              const requestId = newRequestId();
              const { orderId } = await b.wOk('wallet', m, 'topUp', { planId: pick(['plan-100', 'plan-exp']), requestId });
              await b.ok('order', m, 'pay', { orderId });
              await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1 + Math.floor(random() * 3), { concurrent: true }); // replays
            });
          } else if (kind === 'pay') {
            ops.push(async () => {
              const orderId = await b.placeOrder(m, 1 + Math.floor(random() * 3));
              await Promise.all([b.call('order', m, 'pay', { orderId, method: 'wallet' }), b.call('order', m, 'pay', { orderId, method: 'wallet' })]);
            });
          } else if (kind === 'split') {
            // 余额 + 微信 on an order the balance may not cover, then the WeChat part paid (with replays), the order cancelled, or both racing.
            ops.push(async () => {
              const orderId = await b.placeOrder(m, 1, 'sku-cake');
              await Promise.all([b.call('order', m, 'pay', { orderId, method: 'split' }), b.call('order', m, 'pay', { orderId, method: 'split' })]);
              const then = pick(['pay', 'cancel', 'race'] as const);
              const paying = () => b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1 + Math.floor(random() * 3), { concurrent: true }).catch(() => undefined);
              const cancelling = () => Promise.all([b.call('order', m, 'cancel', { orderId }), b.call('order', m, 'cancel', { orderId })]);
              if (then === 'pay') await paying();
              else if (then === 'cancel') await cancelling();
              else await Promise.all([paying(), cancelling()]);
            });
          } else if (kind === 'refund') {
            ops.push(async () => {
              const { data } = await b.db.collection('orders').where({ openid: m, status: 'PAID', 'payment.method': pick(['wallet', 'split']) }).limit(1).get();
              if (!data[0]) return;
              const asked = await b.call('order', m, 'requestRefund', { orderId: data[0]._id, reason: '测试' });
              if (asked.ok) await approveRefund(b, data[0]._id).catch(() => undefined);
              await Promise.all([b.timer('order', 'processRefunds'), b.timer('order', 'processRefunds')]);
            });
          } else if (kind === 'charge') {
            ops.push(async () => {
              const code = (await b.wOk('member', m, 'code', {})).code as string;
              const receiptNo = `r${seed}-${round}-${k}`;
              const input = { storeId: 'store-demo', memberCode: code, amountFen: 100 + Math.floor(random() * 30000), receiptNo };
              const [first] = await Promise.all([b.w('wallet', 'clerk', 'charge', input), b.w('wallet', 'clerk', 'charge', input)]);
              const charge = first.ok ? (first.data as any) : null;
              if (charge?.status === 'AWAITING_CONFIRM') {
                await Promise.all([b.w('wallet', m, 'confirmCharge', { chargeId: charge.chargeId, accept: true }), b.w('wallet', m, 'confirmCharge', { chargeId: charge.chargeId, accept: true })]);
              }
            });
          } else if (kind === 'principal') {
            ops.push(async () => {
              const asked = await b.w<any>('wallet', m, 'requestRefund', { requestId: newRequestId() });
              if (!asked.ok) return;
              await Promise.all([
                b.w('wallet', OPS, 'reviewRefund', { refundId: asked.data.refundId, decision: 'approve' }),
                b.w('wallet', OPS, 'reviewRefund', { refundId: asked.data.refundId, decision: 'approve' }),
              ]);
            });
          } else {
            ops.push(async () => {
              b.clock.advance(24 * 3600_000);
              await Promise.all([b.wTimer(), b.wTimer()]);
            });
          }
        }
        await Promise.all(ops.map((op) => op()));
        await checkInvariants(b, members);
      }
    }
    await b.wTimer();
    await b.timer('order', 'processRefunds');
    await checkInvariants(b, members);
    // Money out through the provider matches the principal refunded out of the wallets.
    const entries = await b.entries();
    const principalRefunded = -entries.filter((e) => e.kind === 'principalRefund').reduce((s, e) => s + e.deltaFen, 0);
    const { data: payouts } = await b.db.collection('wallet_payouts').limit(1000).get();
    expect(payouts.reduce((s: number, p: any) => s + p.amountFen, 0)).toBe(principalRefunded);
    expect(entries.length).toBeGreaterThan(20);
    const kinds = new Set(entries.map((e) => e.kind));
    // Split payments were made, settled and given back.
    expect(await b.count('wallet_spends', { state: 'SETTLED' })).toBeGreaterThan(0);
    expect(await b.count('wallet_spends', { state: 'RELEASED' })).toBeGreaterThan(0);
    expect(await b.count('orders', { 'payment.method': 'split' })).toBeGreaterThan(0);
    for (const kind of ['topUp', 'gift', 'spend', 'storeCharge', 'refund', 'principalRefund', 'giftForfeit', 'giftExpiry', 'release']) expect([kind, kinds.has(kind)]).toEqual([kind, true]);
  }, 120_000);
});
