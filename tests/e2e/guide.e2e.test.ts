/**
 * Shopping guides (导购), issue 13 in the H5 build against the local cloud:
 * demo-staff (店员小王, the demo store) shows their guide code; a new customer
 * opens the guide's link, is bound at launch, buys for pickup and pays in
 * the sandbox; the guide's month page then shows the order and its
 * commission, the customers page the customer (masked), and the operator's
 * leaderboard the guide.
 */
import type { Page } from 'playwright-core';
import type { GuideMonthView, GuideMyBindingView } from '../../src/core/contracts/guide';
import type { OrderView } from '../../src/core/contracts/order';
import { formatPrice } from '../../src/core/money';
import { useH5Session } from './support/h5-session';
import { checkoutForPickup, checkoutReady, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-guide-${RUN}`;
const GUIDE = 'demo-staff';
const OPERATOR = 'demo-operator';

describe('a customer binds to a guide, buys, and the guide’s month shows the order', () => {
  const session = useH5Session('guide');
  const { api, shot, phoneOf } = session;
  let guide: Page;
  let customer: Page;

  beforeAll(async () => {
    guide = await phoneOf(GUIDE);
    customer = await phoneOf(CUSTOMER);
    await api(CUSTOMER, 'member', 'join', { nickname: '周小雨' });
  });

  it('guide code → link opened → bound → pickup order paid → 我的导购 shows the order and commission', async () => {
    // The staff area links to 我的导购.
    await guide.goto(`${session.url}/packages/staff/scan/index`);
    await visible(guide, '[data-testid="staff-guide-link"]').click();
    await visible(guide, '[data-testid="guide-qr"]').waitFor({ timeout: WAIT_MS });
    const code = ((await visible(guide, '[data-testid="guide-code"]').textContent()) ?? '').trim();
    expect(code).toMatch(/^G[0-9A-Z]{8}$/);
    await shot(guide, 'guide-01-code');
    await visible(guide, '[data-testid="guide-share"]').click();
    const link = ((await visible(guide, '[data-testid="share-link"]').textContent()) ?? '').trim();
    expect(link).toBe(`${session.url}/pages/home/index?guide=${code}`);
    await shot(guide, 'guide-02-share');

    // The customer opens the link: bound at launch.
    await customer.goto(link);
    await waitForText(customer, /已绑定专属导购 店\*\*/);
    await shot(customer, 'guide-03-bound');
    const binding = await until(
      () => api<GuideMyBindingView>(CUSTOMER, 'guide', 'myBinding', {}),
      (b) => b.binding !== null,
      'the binding',
    );
    expect(binding.binding).toMatchObject({ guide: '店**', heldByStore: false });

    // Buys for pickup and pays in the sandbox.
    await checkoutForPickup(customer, session.url);
    await checkoutReady(customer);
    await tapText(customer, '提交订单');
    const consent = visible(customer, 'text=允许');
    const payConfirm = visible(customer, '[data-testid="pay-confirm"]');
    const seen = await Promise.race([
      consent.waitFor({ timeout: WAIT_MS }).then(() => 'consent', () => 'none'),
      payConfirm.waitFor({ timeout: WAIT_MS }).then(() => 'pay', () => 'none'),
    ]);
    if (seen === 'consent') await consent.click();
    await payConfirm.click();
    await visible(customer, '[data-testid="pay-result-order"]').click();
    await until(() => visible(customer, '[data-testid="order-status-label"]').textContent().catch(() => null), (t) => t === '待自提', 'the paid order');
    const orderId = new URL(customer.url()).searchParams.get('id')!;
    const order = await api<OrderView>(CUSTOMER, 'order', 'get', { orderId });
    const commission = Math.floor(((order.amounts.payable - order.amounts.shippingFee) * 300) / 10000);
    expect(commission).toBeGreaterThan(0);

    // The guide's month: the order by its number, its GMV and commission.
    const month = await until(
      () => api<GuideMonthView>(GUIDE, 'guide', 'myMonth', {}),
      (m) => m.items.some((i) => i.orderNo === order.orderNo),
      'the guide’s month to show the order',
    );
    expect(month.items.find((i) => i.orderNo === order.orderNo)).toMatchObject({ commissionFen: commission, stateLabel: '已计佣' });
    await guide.goto(`${session.url}/packages/staff/guide/index`);
    const row = visible(guide, `[data-testid="guide-order-${order.orderNo}"]`);
    await row.waitFor({ timeout: WAIT_MS });
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain(`佣金 ${formatPrice(commission)}`);
    expect(rowText).toContain('已计佣');
    const commissionShown = (await visible(guide, '[data-testid="guide-commission"]').textContent()) ?? '';
    expect(commissionShown).toContain(formatPrice(month.commissionFen));
    expect(await guide.content()).not.toContain(CUSTOMER);
    await shot(guide, 'guide-04-month');

    // 我的顾客: the customer, masked, with their tier and last purchase.
    await visible(guide, '[data-testid="guide-customers-link"]').click();
    const customerRow = visible(guide, '[data-testid="guide-customer-row"]').filter({ hasText: '周**' });
    await customerRow.waitFor({ timeout: WAIT_MS });
    expect((await customerRow.textContent()) ?? '').toContain('最近购买');
    expect(await guide.content()).not.toContain('周小雨');
    await shot(guide, 'guide-05-customers');

    // The operator's leaderboard for the demo store.
    const ops = await phoneOf(OPERATOR);
    await ops.goto(`${session.url}/packages/ops/guides/index`);
    const board = visible(ops, '[data-testid="guides-row"]').filter({ hasText: '店员小王' });
    await board.waitFor({ timeout: WAIT_MS });
    expect((await board.textContent()) ?? '').toContain('订单 ');
    await visible(ops, '[data-testid="guides-settings"] #guide-rate input').waitFor({ timeout: WAIT_MS });
    await shot(ops, 'guide-06-ops-leaderboard');
  });
});
