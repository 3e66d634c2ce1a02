/**
 * Stored value (储值, issue 14) in the H5 build against the local cloud, for
 * a fresh member: 我的储值 → 充值 ¥100 送 ¥10 (sandbox pay) → the balance by
 * bucket → checkout with 余额支付 → paid at once → 申请退款, the operator
 * approves → the money is back in the wallet, each bucket as it was → the
 * ledger shows it all. Then the operator's 储值管理 and the clerk's 储值扣款.
 */
import type { Page } from 'playwright-core';
import type { OrderPage } from '../../src/core/contracts/order';
import type { WalletBalanceView, WalletLedgerPage } from '../../src/core/contracts/wallet';
import type { LocalCloud } from '../../src/server/local/cloud';
import { useH5Session } from './support/h5-session';
import { checkoutForPickup, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const CUSTOMER = `e2e-wallet-${Date.now().toString(36)}`;
const OPERATOR = 'demo-operator';
const STAFF = 'demo-staff';

describe('stored value in the H5 storefront', () => {
  const session = useH5Session('wallet');
  let page: Page;

  const { shot, phoneOf } = session;
  const api = <T>(fn: string, action: string, data: unknown, openid = CUSTOMER) => session.api<T>(openid, fn, action, data);
  const text = (selector: string) => visible(page, selector).textContent().catch(() => null);

  beforeAll(async () => {
    page = await phoneOf(CUSTOMER);
    await api('member', 'join', { nickname: '储值小林' });
  });

  it('top-up with a gift → pay an order from the wallet → its refund returns to the wallet → the ledger', async () => {
    // 我的 → 我的储值.
    await page.goto(`${session.url}/pages/me/index`);
    await visible(page, '[data-testid="me-entry-wallet"]').click();
    await until(() => text('[data-testid="wallet-total"]'), (t) => t === '¥0.00', 'an empty wallet');
    await waitForText(page, '充100送10');
    await shot(page, 'w14-01-wallet-empty');

    // 充值 ¥100 送 ¥10 through the sandbox pay sheet.
    await visible(page, '[data-testid="wallet-plan"]:has-text("充100送10") [data-testid="wallet-topup"]').click();
    await waitForText(page, '确认支付');
    await shot(page, 'w14-02-topup-pay-sheet');
    await tapText(page, '确认支付');
    await until(() => text('[data-testid="wallet-total"]'), (t) => t === '¥110.00', 'the balance after the top-up');
    expect(await text('[data-testid="wallet-principal"]')).toBe('¥100.00');
    expect(await text('[data-testid="wallet-gift"]')).toBe('¥10.00');
    await shot(page, 'w14-03-wallet-topped-up');

    // Checkout (pickup, ¥39) with 余额支付: paid at once, no pay sheet.
    await checkoutForPickup(page, session.url, '茉莉花茶');
    await until(() => visible(page, '.checkout__total .price').textContent(), (t) => t === '¥39.00', 'the quoted payable');
    await visible(page, '[data-testid="pay-method-wallet"]').click();
    await until(() => visible(page, '[data-testid="pay-method-wallet"]').getAttribute('class'), (c) => !!c && c.includes('--on'), '余额支付 chosen');
    await shot(page, 'w14-04-checkout-wallet');
    await tapText(page, '提交订单');
    await tapText(page, '允许');
    await visible(page, '[data-testid="pay-result-pickup"]').waitFor({ timeout: WAIT_MS });
    await shot(page, 'w14-05-paid-from-wallet');
    const balance = await api<WalletBalanceView>('wallet', 'balance', {});
    expect(balance).toMatchObject({ principalFen: 7100, giftFen: 0, totalFen: 7100 }); // gift first: ¥10 gift + ¥29 principal
    const paid = (await api<OrderPage>('order', 'list', { status: 'READY_FOR_PICKUP', page: 0, pageSize: 5 })).items[0]!;

    // 申请退款 → the operator approves in the same review as any refund → back to the wallet.
    await api('order', 'requestRefund', { orderId: paid._id, reason: '不想要了' });
    await api('order', 'reviewRefund', { orderId: paid._id, decision: 'approve' }, OPERATOR);
    await session.cloud.fireTimer('order', 'sweep');
    expect((await api<OrderPage>('order', 'list', { status: 'REFUNDED', page: 0, pageSize: 5 })).items.map((o) => o._id)).toEqual([paid._id]);

    await page.goto(`${session.url}/packages/wallet/index/index`);
    await until(() => text('[data-testid="wallet-total"]'), (t) => t === '¥110.00', 'the balance after the refund');
    expect(await text('[data-testid="wallet-principal"]')).toBe('¥100.00');
    expect(await text('[data-testid="wallet-gift"]')).toBe('¥10.00');
    const ledger = (await text('[data-testid="wallet-ledger"]')) ?? '';
    for (const line of ['退款退回', '消费', '充值赠送', '充值']) expect(ledger).toContain(line);
    await shot(page, 'w14-06-wallet-ledger-after-refund');
    const entries = await api<WalletLedgerPage>('wallet', 'ledger', {});
    expect(entries.items.map((e) => [e.kind, e.bucket, e.deltaFen])).toEqual([
      ['refund', 'gift', 1000],
      ['refund', 'principal', 2900],
      ['spend', 'gift', -1000],
      ['spend', 'principal', -2900],
      ['gift', 'gift', 1000],
      ['topUp', 'principal', 10000],
    ]);
  });

  it('the operator sees the liability; a clerk charges the wallet in store; the customer confirms a large charge', async () => {
    const ops = await phoneOf(OPERATOR);
    await ops.goto(`${session.url}/packages/ops/wallet/index`);
    await visible(ops, '[data-testid="ops-wallet-liability"]').waitFor({ timeout: WAIT_MS });
    await waitForText(ops, '储值负债（顾客余额合计）');
    await shot(ops, 'w14-07-ops-wallet');

    const clerk = await phoneOf(STAFF);
    await clerk.goto(`${session.url}/packages/staff/wallet-charge/index`);
    const { code } = await api<{ code: string }>('member', 'code', {});
    await visible(clerk, '[data-testid="wallet-charge-code"] input').fill(code);
    await visible(clerk, '[data-testid="wallet-charge-amount"] input').fill('50');
    await visible(clerk, '[data-testid="wallet-charge-receipt"] input').fill('E2E-0001');
    await shot(clerk, 'w14-08-staff-charge-form');
    await visible(clerk, '[data-testid="wallet-charge-submit"]').click();
    await waitForText(clerk, '扣款成功');
    await shot(clerk, 'w14-09-staff-charge-done');
    expect((await api<WalletBalanceView>('wallet', 'balance', {})).totalFen).toBe(6000);

    // ¥58 is above a threshold of ¥20 (set for the test): the customer confirms on the phone.
    await tapText(clerk, '下一笔');
    await setThreshold(session.cloud, 2000);
    await visible(clerk, '[data-testid="wallet-charge-code"] input').fill((await api<{ code: string }>('member', 'code', {})).code);
    await visible(clerk, '[data-testid="wallet-charge-amount"] input').fill('58');
    await visible(clerk, '[data-testid="wallet-charge-receipt"] input').fill('E2E-0002');
    await visible(clerk, '[data-testid="wallet-charge-submit"]').click();
    await waitForText(clerk, '待顾客确认');
    await page.goto(`${session.url}/packages/wallet/index/index`);
    await visible(page, '[data-testid="wallet-charge-confirm"]').waitFor({ timeout: WAIT_MS });
    await shot(page, 'w14-10-customer-confirm-charge');
    await tapText(page, '确认支付');
    await until(() => text('[data-testid="wallet-total"]'), (t) => t === '¥2.00', 'the balance after the confirmed charge');
    await waitForText(clerk, '扣款成功');
    await shot(clerk, 'w14-11-staff-charge-confirmed');

    // 申请退还本金 → the operator approves in 储值管理 → paid back to the top-up's trade.
    await page.reload();
    await tapText(page, '申请退还本金');
    await waitForText(page, /将原路退回本金 ¥2.00/);
    await tapText(page, '确认申请');
    await until(() => text('[data-testid="wallet-refund-status"]'), (t) => !!t && t.startsWith('待审核'), 'the pending principal refund');
    await shot(page, 'w14-12-principal-refund-requested');
    await ops.reload();
    await waitForText(ops, /本金 ¥2.00 · 作废赠送 ¥0.00 · 待审核/);
    await shot(ops, 'w14-13-ops-principal-refund');
    await tapText(ops, '同意并原路退回');
    await waitForText(ops, /本金 ¥2.00 · 作废赠送 ¥0.00 · 已退款/);
    expect((await api<WalletBalanceView>('wallet', 'balance', {})).totalFen).toBe(0);
    await page.reload();
    await until(() => text('[data-testid="wallet-total"]'), (t) => t === '¥0.00', 'the wallet after the principal refund');
    await until(() => text('[data-testid="wallet-refund-status"]'), (t) => !!t && t.startsWith('上次申请已退款'), 'the refund shown done');
    await shot(page, 'w14-14-wallet-after-principal-refund');
  });

  it('a balance short of the order: 余额 + 微信支付 holds the balance and WeChat pays the rest', async () => {
    const buyer = `e2e-split-${Date.now().toString(36)}`;
    await api('member', 'join', { nickname: '组合支付' }, buyer);
    // The operator credits ¥10 (a goodwill adjustment): less than the ¥39 tea.
    await api('wallet', 'adjust', { openid: buyer, bucket: 'gift', deltaFen: 1000, reason: '售后补偿', requestId: `e2e-adjust-${buyer}` }, OPERATOR);
    const p = await phoneOf(buyer);
    await checkoutForPickup(p, session.url, '茉莉花茶');
    await until(() => visible(p, '.checkout__total .price').textContent(), (t) => t === '¥39.00', 'the quoted payable');
    await waitForText(p, '余额抵扣 ¥10.00，微信再付 ¥29.00');
    await visible(p, '[data-testid="pay-method-split"]').click();
    await until(() => visible(p, '[data-testid="pay-method-split"]').getAttribute('class'), (c) => !!c && c.includes('--on'), '余额 + 微信 chosen');
    await shot(p, 'w14-15-checkout-split');
    await tapText(p, '提交订单');
    await tapText(p, '允许');
    await until(() => visible(p, '[data-testid="pay-sheet-amount"]').textContent(), (t) => t === '¥29.00', 'the WeChat part on the pay sheet');
    expect(await visible(p, '[data-testid="pay-sheet-wallet"]').textContent()).toContain('¥10.00');
    await shot(p, 'w14-16-split-pay-sheet');
    await tapText(p, '确认支付');
    await visible(p, '[data-testid="pay-result-pickup"]').waitFor({ timeout: WAIT_MS });
    expect(await visible(p, '[data-testid="pay-result-method"]').textContent()).toContain('储值 ¥10.00 + 微信 ¥29.00');
    await shot(p, 'w14-16b-split-paid');
    expect((await api<WalletBalanceView>('wallet', 'balance', {}, buyer)).totalFen).toBe(0);
    const order = (await api<OrderPage>('order', 'list', { status: 'READY_FOR_PICKUP', page: 0, pageSize: 5 }, buyer)).items[0]!;
    expect(order.walletFen).toBe(1000);
    await p.goto(`${session.url}/packages/trade/order/index?id=${order._id}`);
    await waitForText(p, '储值余额支付');
    await shot(p, 'w14-17-split-order');
  });
});

/** The in-store threshold (settings `wallet.confirmAboveFen`), written straight into the local cloud's database. */
async function setThreshold(cloud: LocalCloud, fen: number): Promise<void> {
  await cloud.db.collection('settings').doc('wallet').set({ confirmAboveFen: fen });
}
