/**
 * The buying path in the H5 build against the local cloud: home → product →
 * cart → checkout → sandbox pay sheet → order page, for delivery and pickup;
 * and buy now → unpaid order → 取消订单 → the stock is back.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OrderPage } from '../../src/core/contracts/order';
import type { ProductDetail } from '../../src/core/contracts/catalog';
import { startLocalCloud, type LocalCloud } from '../../src/server/local/cloud';
import { launchBrowser, screenshot } from './support/browser';
import { byText, callAs, settled, shownStock, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const CUSTOMER = 'demo-customer';

describe('buying in the H5 storefront', () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;

  const api = <T>(fn: string, action: string, data: unknown) => callAs<T>(cloud.url, CUSTOMER, fn, action, data);
  const skuStock = async (productId: string, skuId: string) =>
    (await api<ProductDetail>('catalog', 'productDetail', { productId })).skus.find((s) => s._id === skuId)!.stock;
  const shot = async (name: string) => {
    await settled(page);
    await screenshot(page, name);
  };
  const statusLabel = () => visible(page, '[data-testid="order-status-label"]');
  const openProductFromHome = async (name: string) => {
    await page.goto(cloud.url);
    await tapText(page, name);
    await waitForText(page, '立即购买');
  };
  const addToCartAndCheckout = async () => {
    await tapText(page, '加入购物车');
    await waitForText(page, '已加入购物车');
    await visible(page, '.product__bar-cart').click();
    await waitForText(page, /^去结算/);
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'siyu-e2e-order-'));
    cloud = await startLocalCloud({ port: 0, dataDir, timers: false });
    browser = await launchBrowser();
    // One customer on one phone: storage (session, remembered address) carries over between the flows.
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await cloud?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('home → product → cart → checkout (delivery) → sandbox pay → the order shows 已支付', async () => {
    await page.goto(cloud.url);
    await waitForText(page, '冻顶乌龙');
    await shot('f2-01-home');

    await openProductFromHome('冻顶乌龙');
    await shot('f2-02-product');
    await addToCartAndCheckout();
    await shot('f2-03-cart');

    await tapText(page, /^去结算/);
    await waitForText(page, '填写收货地址后计算运费与应付金额');
    await visible(page, '#address-name input').fill('张三');
    await visible(page, '#address-phone input').fill('13800138000');
    await visible(page, '#address-region input').fill('上海市 徐汇区');
    await visible(page, '#address-detail input').fill('漕溪北路 88 号 2 楼');
    await visible(page, '[data-testid="checkout-remark"] input').fill('请工作日送达');
    await waitForText(page, '应付金额');
    // 68.00 of goods + 8.00 shipping, as the server quoted it.
    await until(() => visible(page, '.checkout__total .price').textContent(), (t) => t === '¥76.00', 'the quoted payable');
    await shot('f2-04-checkout-delivery');

    await tapText(page, '提交订单');
    await tapText(page, '允许'); // the subscribe-message consent (服务通知)
    await waitForText(page, '确认支付');
    expect(await visible(page, '[data-testid="pay-sheet-amount"]').textContent()).toBe('¥76.00');
    await shot('f2-05-pay-sheet');
    await tapText(page, '确认支付');

    await until(() => statusLabel().textContent().catch(() => null), (t) => t === '已支付', 'the order page to show 已支付');
    await waitForText(page, /漕溪北路 88 号 2 楼/);
    await shot('f2-06-order-paid');

    const orders = await api<OrderPage>('order', 'list', { page: 0, pageSize: 10 });
    expect(orders.items[0]).toMatchObject({ status: 'PAID', remark: '请工作日送达', amounts: { payable: 7600, shippingFee: 800 } });
    expect(page.url()).toContain(`/packages/trade/order/index?id=${orders.items[0]!._id}`);

    await page.goto(`${cloud.url}/packages/trade/orders/index`);
    await visible(page, `[data-testid="order-card-${orders.items[0]!._id}"]`).waitFor({ timeout: WAIT_MS });
    expect(await visible(page, `[data-testid="order-card-${orders.items[0]!._id}"]`).textContent()).toContain('已支付');
    await shot('f2-07-orders');
  });

  it('home → product → cart → checkout (pickup) → sandbox pay → the order shows 待自提', async () => {
    await openProductFromHome('茉莉花茶');
    await addToCartAndCheckout();
    await tapText(page, /^去结算/);
    await tapText(page, '到店自提');
    await waitForText(page, '私域生活馆 · 演示店');
    await waitForText(page, '到店自提 免运费');
    await until(() => visible(page, '.checkout__total .price').textContent(), (t) => t === '¥39.00', 'the quoted payable');
    await shot('f2-08-checkout-pickup');

    await tapText(page, '提交订单');
    await tapText(page, '允许'); // the subscribe-message consent (服务通知)
    await tapText(page, '确认支付');
    // A paid pickup order is ready at the store at once: the label the customer sees is 待自提.
    await until(() => statusLabel().textContent().catch(() => null), (t) => t === '待自提', 'the order page to show 待自提');
    await waitForText(page, '商品已备好，请到店出示取货码自提');
    expect(await byText(page, '申请退款').isVisible()).toBe(true);
    await shot('f2-09-order-pickup');

    const orders = await api<OrderPage>('order', 'list', { page: 0, pageSize: 10 });
    expect(orders.items[0]).toMatchObject({ status: 'READY_FOR_PICKUP', fulfillment: { type: 'pickup', storeId: 'store-demo' } });

    // Changed their mind: 申请退款 with a reason.
    await tapText(page, '申请退款');
    await tapText(page, '不想要了');
    await shot('f2-09b-refund-sheet');
    await visible(page, '[data-testid="refund-submit"]').click();
    // Issue 10: the request waits for the operator, shown as a timeline; it can be withdrawn.
    await until(() => statusLabel().textContent().catch(() => null), (t) => t === '退款审核中', 'the order page to show 退款审核中');
    await until(
      () => page.locator('[data-testid="refund-sheet"], [data-testid="order-action-refund"]').filter({ visible: true }).count(),
      (n) => n === 0,
      'the refund sheet and the 申请退款 action to go',
    );
    await waitForText(page, '退款申请已提交，等待商家处理');
    await visible(page, '[data-testid="refund-timeline"]').waitFor({ timeout: WAIT_MS });
    expect(await visible(page, '[data-testid="order-action-withdrawRefund"]').isVisible()).toBe(true);
    const refunding = await api<OrderPage>('order', 'list', { status: 'REFUND_REQUESTED', page: 0, pageSize: 10 });
    expect(refunding.items.map((o) => o._id)).toEqual([orders.items[0]!._id]);
  });

  it('buy now → submit → 取消 the payment → 取消订单 → the product shows its stock back', async () => {
    const productId = 'p-bakery-croissant';
    const skuId = 'p-bakery-croissant-s1';
    await openProductFromHome('黄油可颂');
    const before = await shownStock(page);
    expect(before).toBe(await skuStock(productId, skuId));

    await visible(page, '[data-testid="stepper-increase"]').click();
    await until(() => visible(page, '[data-testid="stepper-value"]').textContent(), (t) => t === '2', 'quantity 2');
    await tapText(page, '立即购买');
    // The address of the last delivery order is remembered.
    await until(() => visible(page, '#address-name input').inputValue(), (v) => v === '张三', 'the remembered address');
    await until(() => visible(page, '.checkout__total .price').textContent(), (t) => t === '¥32.00', 'the quoted payable');
    await shot('f2-10-checkout-buy-now');

    await tapText(page, '提交订单');
    await tapText(page, '允许'); // the subscribe-message consent (服务通知)
    await waitForText(page, '确认支付');
    expect(await skuStock(productId, skuId)).toBe(before - 2);
    await tapText(page, '取消');

    await until(() => statusLabel().textContent().catch(() => null), (t) => t === '待支付', 'the unpaid order page');
    const countdown = await visible(page, '[data-testid="order-countdown"]').textContent();
    expect(countdown).toMatch(/^1[45]:\d{2}$/);
    await shot('f2-11-order-pending');

    await tapText(page, '取消订单');
    await waitForText(page, '确定要取消这个订单吗？');
    await shot('f2-12-cancel-confirm');
    await tapText(page, '确定取消');
    await until(() => statusLabel().textContent().catch(() => null), (t) => t === '已取消', 'the cancelled order');
    expect(await byText(page, '去支付').count()).toBe(0);
    await shot('f2-13-order-cancelled');

    expect(await skuStock(productId, skuId)).toBe(before);
    await page.goto(`${cloud.url}/pages/product/index?id=${productId}`);
    expect(await shownStock(page)).toBe(before);
    await shot('f2-14-product-stock-back');
  });

  it('more than the stock at checkout: the item is named, nothing can be ordered, 返回修改 leads back', async () => {
    // 云南熟普洱 has 30 in stock.
    await page.goto(`${cloud.url}/packages/trade/checkout/index?source=buyNow&skuId=p-tea-puer-s1&quantity=31`);
    await waitForText(page, '「357g 饼」库存不足，仅剩 30 件');
    await waitForText(page, '返回修改');
    await shot('f2-15-checkout-out-of-stock-direct');

    await page.goto(`${cloud.url}/packages/trade/checkout/index?source=buyNow&productId=p-tea-puer&skuId=p-tea-puer-s1&quantity=31`);
    const alert = await waitForText(page, /库存不足，仅剩 30 件/);
    expect(await alert.textContent()).toContain('357g 饼');
    expect(await visible(page, '[data-testid="order-item-p-tea-puer-s1"]').textContent()).toContain('库存不足');
    expect(await visible(page, '[data-testid="checkout-submit"]').getAttribute('class')).toContain('checkout__submit--off');
    await shot('f2-16-checkout-out-of-stock');
    await tapText(page, '返回修改');
    await until(() => Promise.resolve(page.url()), (url) => url.includes('/pages/product/index?id=p-tea-puer'), 'the product page');
    await waitForText(page, '立即购买');
  });
});
