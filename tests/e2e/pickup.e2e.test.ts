/**
 * Issue 9, items 8, 10 and 11 in the H5 build against the local cloud (seeded
 * with four stores; demo-staff serves the demo store, demo-staff-jingan the
 * 静安寺店). For every kind of order picked up (shop checkout, live-room
 * buy-now, group-buy, flash sale, points mall): the customer pays, the order
 * page shows the 取货码 with its QR and the store's address, hours and phone,
 * the store's staff type the code → 确认核销, and the customer sees 已完成.
 * The checkout order goes to a store the customer chose in the picker (not the
 * default, not the nearest); the demo store's staff scanning it are told only
 * which store it belongs to. The tests run in order: later ones expect the
 * picker to offer the store chosen in the first.
 */
import type { Page } from 'playwright-core';
import type { FlashSaleView } from '../../src/core/contracts/flashsale';
import type { OrderView } from '../../src/core/contracts/order';
import type { RedeemView } from '../../src/core/contracts/mall';
import type { SeatReservedView, GroupBuyActivityView } from '../../src/core/contracts/groupbuy';
import { useH5Session } from './support/h5-session';
import { checkoutForPickup, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-pickup-${RUN}`;
const PARTNER = `e2e-pickup-${RUN}-partner`;
const OPERATOR = 'demo-operator';
const DEMO_STAFF = 'demo-staff';
const JINGAN_STAFF = 'demo-staff-jingan';
const DEMO_STORE = 'store-demo';
const JINGAN = 'store-jingan';
/** By 陆家嘴 (WGS-84, as a browser reports it): the 陆家嘴店 is the nearest store, the 静安寺店 some 5 km away. */
const NEAR_LUJIAZUI = { latitude: 31.2345, longitude: 121.4975 };

describe('pickup for every kind of order, at the store the customer chose', () => {
  const session = useH5Session('pickup');
  const { api, shot, phoneOf } = session;
  let customer: Page;
  let demoStaff: Page;
  let jinganStaff: Page;

  const statusLabel = (page: Page) => visible(page, '[data-testid="order-status-label"]').textContent().catch(() => null);
  const orderUrl = (orderId: string) => `${session.url}/packages/trade/order/index?id=${encodeURIComponent(orderId)}`;

  /** On the order page: 去支付 → the sandbox sheet → 确认支付, until the order shows `paidLabel`. */
  const payOnOrderPage = async (page: Page, orderId: string, paidLabel = '待自提') => {
    await page.goto(orderUrl(orderId));
    await until(() => statusLabel(page), (t) => t === '待支付', 'the unpaid order');
    await tapText(page, '去支付');
    await visible(page, '[data-testid="pay-confirm"]').click();
    await until(() => statusLabel(page), (t) => t === paidLabel, `the order to show ${paidLabel}`);
  };

  /** 提交订单 → (the notification consent, 允许, when it is asked) → the sandbox sheet → 确认支付 → 支付成功 → 查看订单. */
  const submitAndPay = async (page: Page) => {
    // The quote for the store just chosen has come back: 提交订单 is on (it is off while a quote is on its way).
    await page.waitForFunction(
      () => {
        const shown = (el: Element) => (el as HTMLElement).offsetParent !== null;
        const submit = [...document.querySelectorAll('[data-testid="checkout-submit"]')].find(shown);
        const stale = [...document.querySelectorAll('.checkout__card--stale')].some(shown);
        return submit !== undefined && !submit.className.includes('checkout__submit--off') && !stale;
      },
      undefined,
      { timeout: WAIT_MS },
    );
    await tapText(page, '提交订单');
    const consent = visible(page, 'text=允许');
    const payConfirm = visible(page, '[data-testid="pay-confirm"]');
    const seen = await Promise.race([
      consent.waitFor({ timeout: WAIT_MS }).then(() => 'consent', () => 'none'),
      payConfirm.waitFor({ timeout: WAIT_MS }).then(() => 'pay', () => 'none'),
    ]);
    if (seen === 'consent') await consent.click();
    await payConfirm.click();
    // 支付成功 shows the pickup code; 查看订单 opens the order.
    await visible(page, '[data-testid="pay-result-pickup"]').waitFor({ timeout: WAIT_MS });
    await visible(page, '[data-testid="pay-result-order"]').click();
  };

  /** The 取货码 the customer's order page shows (grouped in fours there). */
  const shownPickupCode = async (page: Page): Promise<string> => {
    const digits = (await visible(page, '[data-testid="pickup-code"]').textContent()) ?? '';
    expect(digits).toMatch(/^\d{4} \d{4}$/);
    await visible(page, '[data-testid="pickup-qr"]').waitFor({ timeout: WAIT_MS });
    return digits.replace(' ', '');
  };

  /** Staff of the order's store type the code (as read out, with its space) → 确认核销. */
  const staffVerify = async (staff: Page, typed: string, name: string) => {
    await staff.goto(`${session.url}/packages/staff/scan/index`);
    await visible(staff, '[data-testid="staff-code-input"] input').fill(typed);
    await visible(staff, '[data-testid="staff-code-submit"]').click();
    await visible(staff, '[data-testid="staff-kind-pickup"]').waitFor({ timeout: WAIT_MS });
    await shot(staff, `${name}-staff`);
    await visible(staff, '[data-testid="staff-verify-pickup"]').click();
    await waitForText(staff, '核销成功，请将商品交给顾客');
  };

  const customerSeesCompleted = async (orderId: string, name: string) => {
    await customer.goto(orderUrl(orderId));
    await until(() => statusLabel(customer), (t) => t === '已完成', 'the order page to show 已完成');
    await waitForText(customer, '已取货，取货码已失效');
    await shot(customer, `${name}-completed`);
  };

  beforeAll(async () => {
    customer = await phoneOf(CUSTOMER, NEAR_LUJIAZUI);
    demoStaff = await phoneOf(DEMO_STAFF);
    jinganStaff = await phoneOf(JINGAN_STAFF);
    await api(CUSTOMER, 'member', 'join', { nickname: '林小满' });
  });

  it('checkout: the customer picks 静安寺店 (not the nearest) → pays → the demo store is told where it belongs → 静安寺店 verifies → 已完成', async () => {
    await checkoutForPickup(customer, session.url);
    // Located by 陆家嘴: the nearest store is offered first, with its distance.
    await until(() => visible(customer, '[data-testid="pickup-store-name"]').textContent(), (t) => t === '私域生活馆 · 陆家嘴店', 'the nearest store');
    await until(() => visible(customer, '[data-testid="pickup-store-chosen"]').textContent(), (t) => t !== null && /距你 \d/.test(t), 'the distance');
    await visible(customer, '[data-testid="pickup-store-change"]').click();
    await visible(customer, '[data-testid="store-sheet"]').waitFor({ timeout: WAIT_MS });
    const sheet = (await visible(customer, '[data-testid="store-sheet"]').textContent()) ?? '';
    for (const text of ['私域生活馆 · 演示店', '私域生活馆 · 静安寺店', '私域生活馆 · 杭州湖滨店', '离你最近', '营业 10:00–22:00', '电话 021-6288-1601']) expect(sheet).toContain(text);
    await shot(customer, 'p10-01-store-picker');
    await visible(customer, `[data-testid="store-option-${JINGAN}"]`).click();
    await until(() => visible(customer, '[data-testid="pickup-store-name"]').textContent(), (t) => t === '私域生活馆 · 静安寺店', 'the chosen store');
    await waitForText(customer, '到店自提 免运费');
    await shot(customer, 'p10-02-checkout-chosen-store');
    await submitAndPay(customer);
    await until(() => statusLabel(customer), (t) => t === '待自提', 'the order page to show 待自提');
    const code = await shownPickupCode(customer);
    const store = (await visible(customer, '[data-testid="pickup-card-store"]').textContent()) ?? '';
    for (const text of ['私域生活馆 · 静安寺店', '上海市静安区南京西路 1601 号', '营业时间 10:00–22:00', '门店电话 021-6288-1601']) expect(store).toContain(text);
    await shot(customer, 'p10-03-order-pickup-code');
    const orderId = new URL(customer.url()).searchParams.get('id')!;
    expect(await api<OrderView>(CUSTOMER, 'order', 'get', { orderId })).toMatchObject({ fulfillment: { type: 'pickup', storeId: JINGAN, pickupCode: code } });

    // The demo store's staff: only the name of the right store, nothing about the order.
    await demoStaff.goto(`${session.url}/packages/staff/scan/index`);
    await visible(demoStaff, '[data-testid="staff-code-input"] input').fill(code);
    await visible(demoStaff, '[data-testid="staff-code-submit"]').click();
    await waitForText(demoStaff, '该订单需到「私域生活馆 · 静安寺店」自提，不能在本门店核销');
    expect(await demoStaff.locator('[data-testid="staff-kind-pickup"]').filter({ visible: true }).count()).toBe(0);
    await shot(demoStaff, 'p10-04-wrong-store');

    await staffVerify(jinganStaff, `${code.slice(0, 4)} ${code.slice(4)}`, 'p10-05-shop');
    await customerSeesCompleted(orderId, 'p10-06-shop');
  });

  it('live room: 立即购买 from the room → checkout with the store picker → pays → staff verify by order number → 已完成', async () => {
    await customer.goto(`${session.url}/pages/product/index?id=p-tea-oolong&liveRoomId=live-demo-tea`);
    await tapText(customer, '立即购买');
    await tapText(customer, '到店自提');
    // The store chosen last time is chosen again.
    await until(() => visible(customer, '[data-testid="pickup-store-name"]').textContent(), (t) => t === '私域生活馆 · 静安寺店', 'the remembered store');
    await waitForText(customer, '到店自提 免运费');
    await submitAndPay(customer);
    await until(() => statusLabel(customer), (t) => t === '待自提', 'the order page to show 待自提');
    await shownPickupCode(customer);
    const orderId = new URL(customer.url()).searchParams.get('id')!;
    const live = await api<OrderView & { liveRoomId?: string }>(CUSTOMER, 'order', 'get', { orderId });
    expect(live).toMatchObject({ fulfillment: { storeId: JINGAN } });
    // Staff type the human order number the customer reads out (never the internal id).
    expect(live.orderNo).toMatch(/^\d{8}-\d{4}$/);
    await staffVerify(jinganStaff, live.orderNo, 'p10-07-live');
    await customerSeesCompleted(orderId, 'p10-08-live');
  });

  it('group-buy (g_…): both members pay; the leader’s code waits for the group, then the demo store verifies it → 已完成', async () => {
    const now = Date.now();
    const activity = await api<GroupBuyActivityView>(OPERATOR, 'groupbuy', 'createActivity', {
      skuId: 'p-tea-jasmine-s1',
      groupPrice: 1990,
      groupSize: 2,
      timeLimitMinutes: 60,
      perMemberLimit: 1,
      startAt: now - 60_000,
      endAt: now + 24 * 3_600_000,
      title: '茉莉花茶 两人拼',
    });
    const pickup = { type: 'pickup', storeId: DEMO_STORE };
    const leader = await api<SeatReservedView>(CUSTOMER, 'groupbuy', 'open', { activityId: activity.activityId, requestId: `e2e-gb-${RUN}-1`, fulfillment: pickup });
    expect(leader.orderId.startsWith('g_')).toBe(true);
    await payOnOrderPage(customer, leader.orderId, '已支付');
    await waitForText(customer, '拼团成功后即可凭此码取货');
    const code = await shownPickupCode(customer);
    await shot(customer, 'p10-09-groupbuy-waiting');

    const partnerPhone = await phoneOf(PARTNER);
    const joined = await api<SeatReservedView>(PARTNER, 'groupbuy', 'join', { groupId: leader.groupId, requestId: `e2e-gb-${RUN}-2`, fulfillment: pickup });
    await payOnOrderPage(partnerPhone, joined.orderId);

    await customer.goto(orderUrl(leader.orderId));
    await until(() => statusLabel(customer), (t) => t === '待自提', 'the leader’s order to be ready');
    await staffVerify(demoStaff, code, 'p10-10-groupbuy');
    await customerSeesCompleted(leader.orderId, 'p10-11-groupbuy');
  });

  it('flash sale (fs_…): the detail page offers the store picker → 立即抢购 → pays → staff verify → 已完成', async () => {
    const now = Date.now();
    const sale = await api<FlashSaleView>(OPERATOR, 'flashsale', 'create', {
      skuId: 'p-tea-coldbrew-s1',
      salePrice: 990,
      quantity: 5,
      perMemberLimit: 1,
      startAt: now,
      endAt: now + 3_600_000,
      shards: 2,
    });
    await customer.goto(`${session.url}/packages/flashsale/detail/index?id=${sale.saleId}`);
    await visible(customer, '[data-testid="flash-pickup"]').waitFor({ timeout: WAIT_MS });
    await until(() => visible(customer, '[data-testid="pickup-store-name"]').textContent(), (t) => t === '私域生活馆 · 静安寺店', 'the remembered store');
    await until(() => visible(customer, '[data-testid="flash-buy"]').textContent(), (t) => t === '立即抢购', '立即抢购');
    await visible(customer, '[data-testid="flash-pickup"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await shot(customer, 'p10-12-flash-store');
    await visible(customer, '[data-testid="flash-buy"]').click();
    await until(() => statusLabel(customer), (t) => t === '待支付', 'the order page');
    const orderId = new URL(customer.url()).searchParams.get('id')!;
    expect(orderId.startsWith('fs_')).toBe(true);
    await payOnOrderPage(customer, orderId);
    const code = await shownPickupCode(customer);
    await staffVerify(jinganStaff, code, 'p10-13-flashsale');
    await customerSeesCompleted(orderId, 'p10-14-flashsale');
  });

  it('points mall (m_…): points + cash redeemed for pickup → pays the cash → staff verify → 已完成', async () => {
    await api(OPERATOR, 'points', 'adjust', { openid: CUSTOMER, delta: 1000, reason: 'e2e 取货测试', requestId: `e2e-pts-${RUN}` });
    const redeemed = await api<RedeemView>(CUSTOMER, 'mall', 'redeem', { itemId: 'mall-handcream', requestId: `e2e-mall-${RUN}`, fulfillment: { type: 'pickup', storeId: DEMO_STORE } });
    expect(redeemed.order._id.startsWith('m_')).toBe(true);
    await payOnOrderPage(customer, redeemed.order._id);
    const code = await shownPickupCode(customer);
    await staffVerify(demoStaff, code, 'p10-15-mall');
    await customerSeesCompleted(redeemed.order._id, 'p10-16-mall');
  });
});
