/**
 * Issue 6 in the H5 build against the local cloud: a customer pays a pickup
 * order (accepting the consent dialog) → the notify worker runs → 我的 →
 * 服务通知 shows 支付成功; staff (demo-staff) open 门店核销, type the
 * customer's member code, record a purchase (the customer's points rise),
 * then type the pickup order id → 确认核销 → the customer's order shows 已完成.
 */
import type { Page } from 'playwright-core';
import type { MemberCardView, MemberCodeView } from '../../src/core/contracts/member';
import type { OrderPage } from '../../src/core/contracts/order';
import { useH5Session } from './support/h5-session';
import { checkoutForPickup, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const CUSTOMER = 'e2e-notify-customer';
const STAFF = 'demo-staff';

describe('service notifications and in-store staff', () => {
  const session = useH5Session('notify');
  const { shot, phoneOf } = session;
  const asCustomer = <T>(fn: string, action: string, data: unknown) => session.api<T>(CUSTOMER, fn, action, data);
  let customer: Page;
  let staff: Page;

  beforeAll(async () => {
    customer = await phoneOf(CUSTOMER);
    staff = await phoneOf(STAFF);
  });

  let orderId = '';
  let orderNo = '';

  it('customer pays a pickup order (allowing notifications) → 服务通知 shows 支付成功', async () => {
    await asCustomer('member', 'join', { nickname: '林小满' });

    await checkoutForPickup(customer, session.url);
    await waitForText(customer, '到店自提 免运费');
    await tapText(customer, '提交订单');
    // The consent dialog imitating WeChat's: 允许.
    await waitForText(customer, '允许');
    await shot(customer, 'n6-01-consent');
    await tapText(customer, '允许');
    await tapText(customer, '确认支付');
    await waitForText(customer, '支付成功');
    await visible(customer, '[data-testid="pay-result-order"]').click();
    await until(
      () => visible(customer, '[data-testid="order-status-label"]').textContent().catch(() => null),
      (t) => t === '待自提',
      'the order page to show 待自提',
    );
    const orders = await asCustomer<OrderPage>('order', 'list', { page: 0, pageSize: 10 });
    orderId = orders.items[0]!._id;
    orderNo = orders.items[0]!.orderNo;

    const run = await session.cloud.fireTimer('notify', 'deliver');
    expect(run.ok).toBe(true);

    await customer.goto(`${session.url}/pages/me/index`);
    await visible(customer, '[data-testid="me-notify-badge"]').waitFor({ timeout: WAIT_MS });
    // 我的 after joining: the member's nickname and tier, points and coupons; no openid.
    await until(() => visible(customer, '[data-testid="account-nickname"]').textContent(), (t) => t === '林小满', 'the member nickname');
    await visible(customer, '[data-testid="account-tier"]').waitFor({ timeout: WAIT_MS });
    expect(await visible(customer, '[data-testid="account-card"]').textContent()).not.toMatch(/openid|微信用户/);
    await shot(customer, 'n6-02-me');
    await visible(customer, '[data-testid="me-entry-notify"]').click();
    await waitForText(customer, '支付成功');
    expect(await visible(customer, '[data-testid="notify-item"]').getAttribute('data-unread')).toBe('1');
    // 服务通知 carries the human order number, never the internal id.
    expect(await visible(customer, '[data-testid="notify-item"]').textContent()).toContain(orderNo);
    expect(await visible(customer, '[data-testid="notify-item"]').textContent()).not.toContain(orderId);
    await shot(customer, 'n6-03-inbox');
    await tapText(customer, '全部已读');
    await until(() => visible(customer, '[data-testid="notify-unread-count"]').textContent(), (t) => t === '全部已读', 'all read');
  });

  it('staff type the member code → 记录消费 → the customer’s points rise', async () => {
    const before = await asCustomer<MemberCardView>('member', 'card', {});
    const { code } = await asCustomer<MemberCodeView>('member', 'code', {});

    await staff.goto(`${session.url}/pages/me/index`);
    await visible(staff, '[data-testid="me-entry-staff"]').click();
    await visible(staff, '[data-testid="staff-code-input"] input').fill(code);
    await shot(staff, 'n6-04-staff-scan');
    await visible(staff, '[data-testid="staff-code-submit"]').click();
    await visible(staff, '[data-testid="staff-kind-member"]').waitFor({ timeout: WAIT_MS });
    await waitForText(staff, '林小满');
    await visible(staff, '[data-testid="staff-amount"] input').fill('88.50');
    await visible(staff, '[data-testid="staff-receipt"] input').fill('R20261125-001');
    await shot(staff, 'n6-05-staff-member');
    await visible(staff, '[data-testid="staff-record"]').click();
    await waitForText(staff, '消费已记录');
    await shot(staff, 'n6-06-staff-recorded');

    const after = await asCustomer<MemberCardView>('member', 'card', {});
    expect(after.points.balance).toBeGreaterThan(before.points.balance);
  });

  it('staff type the pickup order number → 确认核销 → the customer’s order shows 已完成', async () => {
    await staff.goto(`${session.url}/packages/staff/scan/index`);
    await visible(staff, '[data-testid="staff-code-input"] input').fill(orderNo);
    await visible(staff, '[data-testid="staff-code-submit"]').click();
    await visible(staff, '[data-testid="staff-kind-pickup"]').waitFor({ timeout: WAIT_MS });
    await waitForText(staff, `订单 ${orderNo}`);
    await shot(staff, 'n6-07-staff-pickup');
    await visible(staff, '[data-testid="staff-verify-pickup"]').click();
    await waitForText(staff, '核销成功，请将商品交给顾客');
    await shot(staff, 'n6-08-staff-verified');

    await customer.goto(`${session.url}/packages/trade/order/index?id=${encodeURIComponent(orderId)}`);
    await until(
      () => visible(customer, '[data-testid="order-status-label"]').textContent().catch(() => null),
      (t) => t === '已完成',
      'the order page to show 已完成',
    );
    await shot(customer, 'n6-09-order-completed');
  });

  it('直播: home tile → rooms by tab → 提醒我 on an upcoming room → a room’s goods with 去购买', async () => {
    await customer.goto(session.url);
    await visible(customer, '[data-testid="entry-live"]').click();
    await visible(customer, '[data-testid="live-room-card"]').waitFor({ timeout: WAIT_MS });
    await shot(customer, 'n6-10-live-now');
    await visible(customer, '[data-testid="live-tab-upcoming"]').click();
    await visible(customer, '[data-testid="live-remind"]').click();
    await tapText(customer, '允许');
    await until(() => visible(customer, '[data-testid="live-remind"]').textContent(), (t) => t === '已设提醒', 'the reminder to be set');
    await shot(customer, 'n6-11-live-upcoming');
    await visible(customer, '[data-testid="live-tab-live"]').click();
    await visible(customer, '[data-testid="live-enter"]').click();
    await visible(customer, '[data-testid="live-buy"]').waitFor({ timeout: WAIT_MS });
    await shot(customer, 'n6-12-live-room');
    await visible(customer, '[data-testid="live-buy"]').click();
    await until(async () => customer.url(), (u) => u.includes('liveRoomId='), 'the product page with the room');
  });
});
