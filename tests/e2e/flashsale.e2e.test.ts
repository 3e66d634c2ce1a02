/**
 * Flash sales in the H5 build against the local cloud: the operator opens
 * 运营后台 from 我的 and creates a sale that starts a few seconds later; a
 * customer (another phone) sees it on 首页, opens it, watches the countdown reach zero,
 * 立即抢购, pays in the sandbox sheet on the order's page; the operator's live
 * view then shows it sold 1 / paid 1. A customer who opens the operator area
 * sees 无权限.
 */
import type { Page } from 'playwright-core';
import type { FlashSaleList, FlashSaleView } from '../../src/core/contracts/flashsale';
import type { OrderView } from '../../src/core/contracts/order';
import type { PingOutput } from '../../src/core/contracts/system';
import { formatDateTime } from '../../src/components/ops-datetime/format';
import { useH5Session } from './support/h5-session';
import { fillField, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-fs-${RUN}`;
const OPERATOR = 'demo-operator';
const SKU_ID = 'p-tea-oolong-s1';
const TITLE = '乌龙 E2E 秒杀';
/** The sale starts this long after the operator types its start. */
const START_IN_MS = 8_000;

jest.setTimeout(180_000);

describe('flash sales in the H5 storefront', () => {
  const session = useH5Session('flashsale');
  const { api, shot, phoneOf } = session;
  const text = (page: Page, testId: string) => visible(page, `[data-testid="${testId}"]`).textContent();
  /** The toast of a refusal fades after 2.5 s. */
  const toastGone = (page: Page) =>
    page.waitForFunction(() => [...document.querySelectorAll('.taro__toast')].every((el) => getComputedStyle(el).display === 'none'), undefined, { timeout: WAIT_MS });
  const statValue = async (page: Page, key: string) => Number((await visible(page, `[data-testid="stat-${key}"] .ops-stats__value`).textContent()) ?? NaN);

  it('operator creates a sale starting in seconds; a customer waits through the countdown, buys and pays; the live view shows sold 1 / paid 1', async () => {
    const operator = await phoneOf(OPERATOR);
    const customer = await phoneOf(CUSTOMER);

    // 我的 → 运营后台 (the entry is there for operators only).
    await operator.goto(`${session.url}/pages/me/index`);
    await visible(operator, '[data-testid="me-entry-ops"]').waitFor({ timeout: WAIT_MS });
    await shot(operator, 'fs-01-me-operator');
    await visible(operator, '[data-testid="me-entry-ops"]').click();
    // 运营后台 opens on the dashboard (运营概览): its figures and chart, then 秒杀 from its menu.
    await visible(operator, '[data-testid="ops-overview"]').waitFor({ timeout: WAIT_MS });
    await visible(operator, '[data-testid="ops-trend-canvas"]').waitFor({ timeout: WAIT_MS });
    await shot(operator, 'fs-02-ops-dashboard');
    await visible(operator, '[data-testid="ops-menu-flashsale"]').click();
    await visible(operator, '[data-testid="ops-sale-fs-demo-kiwi"]').waitFor({ timeout: WAIT_MS });
    await shot(operator, 'fs-02-ops-activities');

    // 新建秒杀: the SKU from the sheet, then price, quantity, limit, start in a few seconds, end in an hour.
    await visible(operator, '[data-testid="ops-create"]').click();
    await visible(operator, '[data-testid="sale-submit"]').waitFor({ timeout: WAIT_MS });
    await visible(operator, '[data-testid="sku-picker"]').click();
    await visible(operator, '[data-testid="sku-product-p-tea-oolong"]').click();
    await visible(operator, `[data-testid="sku-option-${SKU_ID}"]`).click();
    await waitForText(operator, '售价 ¥68.00 · 库存 120 件');
    await fillField(operator, 'sale-title', TITLE);
    await fillField(operator, 'sale-salePrice', '39.90');
    await fillField(operator, 'sale-quantity', '5');
    await fillField(operator, 'sale-perMemberLimit', '1');
    // First a price above the list price: the form says why and sends nothing.
    await fillField(operator, 'sale-salePrice', '69');
    await visible(operator, '[data-testid="sale-submit"]').click();
    await waitForText(operator, '秒杀价必须低于原价 ¥68.00');
    await shot(operator, 'fs-03-ops-form-invalid');
    await fillField(operator, 'sale-salePrice', '39.90');
    await toastGone(operator);

    const { now } = await api<PingOutput>(OPERATOR, 'system', 'ping', {});
    const startAt = Math.ceil((now + START_IN_MS) / 1000) * 1000;
    await fillField(operator, 'sale-startAt', formatDateTime(startAt));
    await fillField(operator, 'sale-endAt', formatDateTime(startAt + 3_600_000));
    await shot(operator, 'fs-04-ops-form');
    await visible(operator, '[data-testid="sale-submit"]').click();

    // The live view of the new sale: 未开始, counting down to the start.
    await until(() => text(operator, 'ops-sale-state').catch(() => null), (t) => t === '未开始', 'the live view of the new sale');
    const sale = (await api<FlashSaleList>(OPERATOR, 'flashsale', 'list', {})).sales.find((s) => s.title === TITLE)!;
    expect(sale).toMatchObject({ skuId: SKU_ID, salePrice: 3990, quantity: 5, perMemberLimit: 1, startAt, endAt: startAt + 3_600_000, state: 'SCHEDULED' });
    expect(operator.url()).toContain(`/packages/ops/sale/index?id=${sale.saleId}`);
    await shot(operator, 'fs-05-ops-live-scheduled');

    // The customer: 首页 → 秒杀 → 即将开抢 → the sale, counting down.
    await customer.goto(session.url);
    await visible(customer, `[data-testid="home-flash-${sale.saleId}"]`).waitFor({ timeout: WAIT_MS });
    await shot(customer, 'fs-06a-home-strip');
    await visible(customer, '[data-testid="entry-flashsale"]').click();
    await visible(customer, '[data-testid="flash-tab-upcoming"]').click();
    await visible(customer, `[data-testid="flash-card-${sale.saleId}"]`).waitFor({ timeout: WAIT_MS });
    await shot(customer, 'fs-06-list-upcoming');
    await visible(customer, `[data-testid="flash-card-${sale.saleId}"]`).click();
    await visible(customer, '[data-testid="flash-band"]').waitFor({ timeout: WAIT_MS });
    const buy = visible(customer, '[data-testid="flash-buy"]');
    expect(await buy.textContent()).toBe('即将开抢');
    const first = await text(customer, 'flash-countdown-time');
    expect(first).toMatch(/^00:0\d$/);
    await shot(customer, 'fs-07-detail-scheduled');
    await visible(customer, '[data-testid="flash-remind"]').click();
    await tapText(customer, '允许'); // the subscribe-message consent (服务通知)
    await until(() => text(customer, 'flash-remind'), (t) => t === '已设提醒', '提醒我 to be recorded');

    // The countdown runs down on the server's clock; at zero the page reads the sale again and 立即抢购 turns on.
    await until(() => text(customer, 'flash-countdown-time'), (t) => t !== first, 'the countdown to tick');
    await until(() => buy.textContent(), (t) => t === '立即抢购', '立即抢购 after the countdown');
    expect(Date.now()).toBeGreaterThanOrEqual(startAt - 1_500);
    await shot(customer, 'fs-08-detail-live');

    // 立即抢购 → the order's page: 待支付 with its payment countdown; 去支付 → the sandbox sheet → paid.
    await buy.click();
    await until(() => text(customer, 'order-status-label').catch(() => null), (t) => t === '待支付', 'the order page');
    expect(customer.url()).toContain('/packages/trade/order/index?id=');
    await visible(customer, '[data-testid="order-countdown"]').waitFor({ timeout: WAIT_MS });
    await shot(customer, 'fs-09-order-unpaid');
    await tapText(customer, '去支付');
    await visible(customer, '[data-testid="pay-sheet"]').waitFor({ timeout: WAIT_MS });
    expect(await text(customer, 'pay-sheet-amount')).toBe('¥39.90');
    await shot(customer, 'fs-10-pay-sheet');
    await visible(customer, '[data-testid="pay-confirm"]').click();
    await until(() => text(customer, 'order-status-label'), (t) => t === '待自提', 'the order to show it paid');
    await shot(customer, 'fs-11-order-paid');
    const orderId = new URL(customer.url()).searchParams.get('id')!;
    const order = await api<OrderView>(CUSTOMER, 'order', 'get', { orderId });
    expect(order).toMatchObject({ status: 'READY_FOR_PICKUP', amounts: { payable: 3990 } });

    // Back on the sale: the customer holds their one unit.
    await customer.goBack();
    await until(() => buy.textContent(), (t) => t === '已达限购', 'the sale to show the limit reached');
    await shot(customer, 'fs-12-detail-limit');

    // The operator's live view, read again every few seconds, shows the unit sold and paid.
    await until(() => statValue(operator, 'sold'), (n) => n === 1, 'the live view to show 1 sold');
    await until(() => statValue(operator, 'paid'), (n) => n === 1, 'the live view to show 1 paid');
    expect(await text(operator, 'ops-sale-state')).toBe('进行中');
    expect(await statValue(operator, 'remaining')).toBe(4);
    await shot(operator, 'fs-13-ops-live-sold');
    const after = await api<FlashSaleView>(OPERATOR, 'flashsale', 'get', { saleId: sale.saleId });
    expect(after).toMatchObject({ sold: 1, paid: 1, remaining: 4, state: 'LIVE' });

    // A customer who opens the operator area is told it is not for them.
    await customer.goto(`${session.url}/packages/ops/index/index`);
    await visible(customer, '[data-testid="ops-no-access"]').waitFor({ timeout: WAIT_MS });
    await shot(customer, 'fs-14-ops-no-access');
  });
});
