import { startWalletBench, type WalletBench } from './wallet-harness';

describe('in-store wallet charges', () => {
  let b: WalletBench;
  beforeEach(async () => {
    b = await startWalletBench();
    await b.db.collection('roles').doc('clerk').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: 0 });
    await b.db.collection('roles').doc('clerk-b').set({ roles: ['staff'], staffStoreIds: ['store-b'], updatedAt: 0 });
    await b.join('u1');
    await b.topUp('u1');
    await b.topUp('u1');
  });
  afterEach(() => b.close());
  const code = async () => (await b.wOk('member', 'u1', 'code', {})).code as string;

  it('charges at once up to ¥200, idempotent per receipt, audited', async () => {
    const input = { storeId: 'store-demo', memberCode: await code(), amountFen: 20000, receiptNo: 'R-001' };
    const [a, c] = await Promise.all([b.wOk('wallet', 'clerk', 'charge', input), b.wOk('wallet', 'clerk', 'charge', input)]);
    expect(a).toMatchObject({ status: 'DONE', amountFen: 20000 });
    expect(c.chargeId).toBe(a.chargeId);
    expect((await b.balance('u1')).totalFen).toBe(22000 - 20000);
    const reused = await b.w('wallet', 'clerk', 'charge', { ...input, amountFen: 100 });
    expect(!reused.ok && reused.error.code).toBe('RECEIPT_REUSED');
    expect(await b.count('staff_audit', { action: 'walletCharge', result: 'ok' })).toBe(1);
    expect(await b.count('staff_audit', { action: 'walletCharge', result: 'RECEIPT_REUSED' })).toBe(1);
    const other = await b.w('wallet', 'clerk-b', 'charge', { ...input, receiptNo: 'R-002' });
    expect(other.ok).toBe(false);
  });

  it('above the threshold waits for the customer, who confirms on their phone', async () => {
    const charge = await b.wOk('wallet', 'clerk', 'charge', { storeId: 'store-demo', memberCode: await code(), amountFen: 20001, receiptNo: 'R-100' });
    expect(charge.status).toBe('AWAITING_CONFIRM');
    expect((await b.balance('u1')).totalFen).toBe(22000);
    const pending = await b.wOk('wallet', 'u1', 'pendingCharges', {});
    expect(pending.items.map((c: any) => c.chargeId)).toEqual([charge.chargeId]);
    const stranger = await b.w('wallet', 'u2', 'confirmCharge', { chargeId: charge.chargeId, accept: true });
    expect(!stranger.ok && stranger.error.code).toBe('CHARGE_NOT_FOUND');
    await Promise.all([b.wOk('wallet', 'u1', 'confirmCharge', { chargeId: charge.chargeId, accept: true }), b.wOk('wallet', 'u1', 'confirmCharge', { chargeId: charge.chargeId, accept: true })]);
    expect((await b.balance('u1')).totalFen).toBe(22000 - 20001);
    expect((await b.wOk('wallet', 'clerk', 'chargeStatus', { chargeId: charge.chargeId })).status).toBe('DONE');
  });

  it('an unconfirmed charge expires and takes nothing; a short balance refuses', async () => {
    const charge = await b.wOk('wallet', 'clerk', 'charge', { storeId: 'store-demo', memberCode: await code(), amountFen: 30000, receiptNo: 'R-200' });
    b.clock.advance(6 * 60_000);
    await b.wTimer();
    expect((await b.wOk('wallet', 'clerk', 'chargeStatus', { chargeId: charge.chargeId })).status).toBe('EXPIRED');
    const late = await b.w('wallet', 'u1', 'confirmCharge', { chargeId: charge.chargeId, accept: true });
    expect(late.ok && (late.data as any).status).toBe('EXPIRED');
    expect((await b.balance('u1')).totalFen).toBe(22000);
    await b.db.collection('settings').doc('wallet').set({ confirmAboveFen: 100_000 });
    const short = await b.w('wallet', 'clerk', 'charge', { storeId: 'store-demo', memberCode: await code(), amountFen: 22001, receiptNo: 'R-300' });
    expect(!short.ok && short.error.code).toBe('WALLET_INSUFFICIENT');
  });
});
