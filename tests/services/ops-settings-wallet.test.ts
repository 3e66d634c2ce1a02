import { callSystem, fieldsOf, systemOk } from './system-harness';
import { OPS, startWalletBench, type WalletBench } from './wallet-harness';

/**
 * The settings page's 储值 group: `wallet.confirmAboveFen` (fen, 0 – ¥50,000)
 * is read and written in `settings/wallet` exactly where the in-store charge
 * reads its threshold, validated with stable reasons, audited in yuan, and
 * the very next charge uses it.
 */
jest.setTimeout(120_000);

describe('ops settings: 储值 (wallet.confirmAboveFen)', () => {
  let b: WalletBench;
  beforeEach(async () => {
    b = await startWalletBench();
  });
  afterEach(() => b.close());

  const stored = async () => (await b.db.collection('settings').doc('wallet').get()).data[0] as any;
  const audit = async () => (await b.db.collection('staff_audit').where({ action: 'updateSettings' }).limit(20).get()).data as any[];

  it('reads ¥200 by default, and what settings/wallet holds (an invalid stored value reads as the default)', async () => {
    expect((await systemOk(OPS, 'settings')).wallet).toEqual({ confirmAboveFen: 20000 });
    await b.db.collection('settings').doc('wallet').set({ confirmAboveFen: 5050 });
    expect((await systemOk(OPS, 'settings')).wallet).toEqual({ confirmAboveFen: 5050 });
    await b.db.collection('settings').doc('wallet').set({ confirmAboveFen: 12.5 });
    expect((await systemOk(OPS, 'settings')).wallet).toEqual({ confirmAboveFen: 20000 });
    await b.db.collection('settings').doc('wallet').set({ confirmAboveFen: 5_000_001 });
    expect((await systemOk(OPS, 'settings')).wallet).toEqual({ confirmAboveFen: 20000 });
  });

  it('saves fen in settings/wallet, reads it back, audits old → new in yuan once, keeps the other groups', async () => {
    await b.db.collection('settings').doc('wallet').set({ confirmAboveFen: 20000, note: 'kept' });
    const saved = await systemOk(OPS, 'updateSettings', { wallet: { confirmAboveFen: 15050 } });
    expect(saved.changes).toEqual([{ group: 'wallet', field: 'confirmAboveFen', label: '扣款确认门槛', from: 20000, to: 15050 }]);
    expect(saved.settings).toEqual({ stock: { lowStockThreshold: 10 }, order: { payMinutes: 15, refundAutoApproveHours: 48 }, wallet: { confirmAboveFen: 15050 } });
    expect(await stored()).toMatchObject({ confirmAboveFen: 15050, note: 'kept', updatedBy: OPS });
    expect((await systemOk(OPS, 'settings')).wallet.confirmAboveFen).toBe(15050);
    expect(await systemOk(OPS, 'updateSettings', { wallet: { confirmAboveFen: 15050 } })).toMatchObject({ changes: [] });

    const entries = await audit();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ staffOpenid: OPS, action: 'updateSettings', target: '扣款确认门槛', result: 'ok', detail: '扣款确认门槛 200 → 150.50 元' });
  });

  it('takes 0 and ¥50,000; refuses out of range, fractional fen and non-numbers with stable reasons, writing nothing', async () => {
    const refused = async (confirmAboveFen: unknown) => {
      const r = await callSystem(OPS, 'updateSettings', { wallet: { confirmAboveFen } });
      expect(!r.ok && r.error.code).toBe('INVALID_ARGUMENT');
      return fieldsOf(r);
    };
    expect(await refused(-1)).toEqual([expect.objectContaining({ path: 'wallet.confirmAboveFen', reason: 'SETTING_OUT_OF_RANGE', message: '扣款确认门槛应在 0–50000 元之间' })]);
    expect(await refused(5_000_001)).toEqual([expect.objectContaining({ reason: 'SETTING_OUT_OF_RANGE' })]);
    expect(await refused(20000.5)).toEqual([expect.objectContaining({ path: 'wallet.confirmAboveFen', reason: 'SETTING_NOT_INTEGER', message: '扣款确认门槛最多两位小数' })]);
    expect((await refused('200'))[0]!.path).toBe('wallet.confirmAboveFen');
    expect((await callSystem(OPS, 'updateSettings', { wallet: { confirmAbove: 100 } })).ok).toBe(false);
    expect(await stored()).toBeUndefined();
    expect(await audit()).toHaveLength(0);

    expect((await systemOk(OPS, 'updateSettings', { wallet: { confirmAboveFen: 5_000_000 } })).settings.wallet.confirmAboveFen).toBe(5_000_000);
    expect((await systemOk(OPS, 'updateSettings', { wallet: { confirmAboveFen: 0 } })).settings.wallet.confirmAboveFen).toBe(0);
    expect(await audit()).toHaveLength(2);
  });

  it('refuses staff and customers', async () => {
    await b.db.collection('roles').doc('clerk').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: 0 });
    for (const who of ['u1', 'clerk']) {
      const r = await callSystem(who, 'updateSettings', { wallet: { confirmAboveFen: 100 } });
      expect(!r.ok && r.error.code).toBe('FORBIDDEN');
    }
    expect(await stored()).toBeUndefined();
  });

  it('the next in-store charge uses the new threshold: above it awaits the customer, at or below it is charged at once', async () => {
    await b.db.collection('roles').doc('clerk').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: 0 });
    await b.join('u1');
    await b.topUp('u1');
    await b.topUp('u1'); // ¥220 in the wallet
    const code = async () => (await b.wOk('member', 'u1', 'code', {})).code as string;
    const charge = (amountFen: number, receiptNo: string) => code().then((memberCode) => b.wOk('wallet', 'clerk', 'charge', { storeId: 'store-demo', memberCode, amountFen, receiptNo }));

    // ¥60 is under the default ¥200: charged at once.
    expect((await charge(6000, 'R-1')).status).toBe('DONE');
    await systemOk(OPS, 'updateSettings', { wallet: { confirmAboveFen: 5050 } });
    const above = await charge(5051, 'R-2');
    expect(above.status).toBe('AWAITING_CONFIRM');
    expect((await b.balance('u1')).totalFen).toBe(22000 - 6000);
    expect(await charge(5050, 'R-3')).toMatchObject({ status: 'DONE', balanceAfterFen: 22000 - 6000 - 5050 });
    expect(await charge(100, 'R-4')).toMatchObject({ status: 'DONE', balanceAfterFen: 22000 - 6000 - 5050 - 100 });
  });
});
