/**
 * The buying path in the H5 build against the local cloud: home → product →
 * cart → checkout → sandbox pay sheet → order page, for delivery and pickup;
 * and buy now → unpaid order → 取消订单 → the stock is back.
 */
import type { Page } from 'playwright-core';
import type { OrderPage } from '../../src/core/contracts/order';
import type { ProductDetail } from '../../src/core/contracts/catalog';
import { useH5Session } from './support/h5-session';
import { byText, checkoutReady, pickRegion, shownStock, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const CUSTOMER = 'demo-customer';

describe('buying in the H5 storefront', () => {
  const session = useH5Session('order');
  let page: Page;

  const api = <T>(fn: string, action: string, data: unknown) => session.api<T>(CUSTOMER, fn, action, data);
  const skuStock = async (productId: string, skuId: string) =>
    (await api<ProductDetail>('catalog', 'productDetail', { productId })).skus.find((s) => s._id === skuId)!.stock;
  const shot = (name: string) => session.shot(page, name);
  const statusLabel = () => visible(page, '[data-testid="order-status-label"]');
  const openProductFromHome = async (name: string) => {
    await page.goto(session.url);
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
    // One customer on one phone: storage (session, remembered address) carries over between the flows.
    page = await session.phoneOf(CUSTOMER);
  });

  it('home → product → cart → checkout (delivery) → sandbox pay → the order shows 已支付', async () => {
    await page.goto(session.url);
    await waitForText(page, '冻顶乌龙');
    await shot('f2-01-home');

    await openProductFromHome('冻顶乌龙');
    await shot('f2-02-product');
    await addToCartAndCheckout();
    await shot('f2-03-cart');

    await tapText(page, /^去结算/);
    // The coupon row and the amounts show before the address is complete.
    await visible(page, '[data-testid="checkout-coupon"]').waitFor({ timeout: WAIT_MS });
    await visible(page, '#address-name input').fill('张三');
    // A phone that is not a mobile number is named inline, under its field.
    await visible(page, '#address-phone input').fill('12345');
    await tapText(page, '提交订单');
    await waitForText(page, '请填写 11 位手机号');
    await waitForText(page, '请选择所在地区');
    await shot('f2-04a-checkout-field-errors');
    await visible(page, '#address-phone input').fill('13800138000');
    await visible(page, '[data-testid="address-region"]').click();
    await visible(page, '[data-testid="region-picker"]').waitFor({ timeout: WAIT_MS });
    await shot('f2-04b-region-picker');
    await visible(page, '[data-testid="region-picker-close"]').click();
    await pickRegion(page, ['上海市', '上海市', '徐汇区']);
    await visible(page, '#address-detail input').fill('漕溪北路 88 号 2 楼');
    await visible(page, '[data-testid="checkout-remark"] input').fill('请工作日送达');
    await waitForText(page, '应付金额');
    // 68.00 of goods + 8.00 shipping, as the server quoted it.
    await until(() => visible(page, '.checkout__total .price').textContent(), (t) => t === '¥76.00', 'the quoted payable');
    await shot('f2-04-checkout-delivery');

    await checkoutReady(page);
    await tapText(page, '提交订单');
    await tapText(page, '允许'); // the subscribe-message consent (服务通知)
    await waitForText(page, '确认支付');
    expect(await visible(page, '[data-testid="pay-sheet-amount"]').textContent()).toBe('¥76.00');
    await shot('f2-05-pay-sheet');
    await tapText(page, '确认支付');

    // 支付成功: the amount, the order number and the way on.
    await waitForText(page, '支付成功');
    await until(() => visible(page, '[data-testid="pay-result-amount"]').textContent(), (t) => t === '¥76.00', 'the paid amount');
    const orders = await api<OrderPage>('order', 'list', { page: 0, pageSize: 10 });
    const paid = orders.items[0]!;
    expect(paid).toMatchObject({ status: 'PAID', remark: '请工作日送达', amounts: { payable: 7600, shippingFee: 800 } });
    expect(paid.fulfillment).toMatchObject({ address: { region: '上海市 徐汇区' } });
    expect(paid.orderNo).toMatch(/^\d{8}-\d{4}$/);
    expect(await visible(page, '[data-testid="pay-result-order-no"]').textContent()).toBe(paid.orderNo);
    await shot('f2-05b-pay-result');
    await visible(page, '[data-testid="pay-result-order"]').click();

    await until(() => statusLabel().textContent().catch(() => null), (t) => t === '已支付', 'the order page to show 已支付');
    await waitForText(page, /漕溪北路 88 号 2 楼/);
    await waitForText(page, paid.orderNo);
    expect(await page.locator('body').textContent()).not.toContain(paid._id);
    await shot('f2-06-order-paid');
    expect(page.url()).toContain(`/packages/trade/order/index?id=${paid._id}`);

    await page.goto(`${session.url}/packages/trade/orders/index`);
    const card = visible(page, `[data-testid="order-card-${paid._id}"]`);
    await card.waitFor({ timeout: WAIT_MS });
    expect(await card.textContent()).toContain('已支付');
    expect(await card.textContent()).toContain(paid.orderNo);
    expect(await card.locator('[data-testid="card-action-refund"]').count()).toBe(1);
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
    // 支付成功 shows the 取货码 of a pickup order; 查看订单 opens it.
    await visible(page, '[data-testid="pay-result-pickup"]').waitFor({ timeout: WAIT_MS });
    await shot('f2-08b-pay-result-pickup');
    await visible(page, '[data-testid="pay-result-order"]').click();
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
    // The first address typed at checkout went into the address book as the default.
    await until(() => visible(page, '[data-testid="checkout-address"]').textContent(), (t) => !!t && t.includes('张三') && t.includes('默认'), 'the default address');
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
    await page.goto(`${session.url}/pages/product/index?id=${productId}`);
    expect(await shownStock(page)).toBe(before);
    await shot('f2-14-product-stock-back');
  });

  it('backing out of the pay sheet (the browser back) lands on the unpaid order, 待支付 with its countdown', async () => {
    await openProductFromHome('黄油可颂');
    await tapText(page, '立即购买');
    await visible(page, '[data-testid="checkout-address"]').waitFor({ timeout: WAIT_MS });
    await until(() => visible(page, '.checkout__total .price').textContent(), (t) => !!t && t.startsWith('¥'), 'the quoted payable');
    await tapText(page, '提交订单');
    await tapText(page, '允许');
    await waitForText(page, '确认支付');
    await page.goBack();
    await until(() => statusLabel().textContent().catch(() => null), (t) => t === '待支付', 'the unpaid order page');
    await waitForText(page, /超时订单将自动取消/);
    expect(await visible(page, '[data-testid="order-countdown"]').textContent()).toMatch(/^1[45]:\d{2}$/);
    await shot('f2-11b-back-out-pending');

    // The list offers 去支付 and 取消 on it.
    await page.goto(`${session.url}/packages/trade/orders/index`);
    const pending = (await api<OrderPage>('order', 'list', { status: 'PENDING_PAYMENT', page: 0, pageSize: 10 })).items[0]!;
    const card = visible(page, `[data-testid="order-card-${pending._id}"]`);
    await card.waitFor({ timeout: WAIT_MS });
    expect(await card.locator('[data-testid^="card-action-"]').allTextContents()).toEqual(['取消', '去支付']);
    await shot('f2-11c-orders-actions');
  });

  it('the address book: the saved address, add one with the region picker, make it the default', async () => {
    await page.goto(`${session.url}/packages/trade/addresses/index`);
    await waitForText(page, /漕溪北路 88 号 2 楼/);
    await tapText(page, '新增收货地址');
    await visible(page, '#address-name input').fill('李四');
    await visible(page, '#address-phone input').fill('13900139000');
    await pickRegion(page, ['浙江省', '杭州市', '西湖区']);
    await visible(page, '#address-detail input').fill('文三路 1 号');
    await visible(page, '[data-testid="address-default-toggle"]').click();
    await shot('f2-17-address-form');
    await visible(page, '[data-testid="address-save"]').click();
    await waitForText(page, /浙江省 杭州市 西湖区 文三路 1 号/);
    const book = await api<{ items: Array<{ name: string; isDefault: boolean }> }>('order', 'addresses', {});
    expect(book.items.map((a) => [a.name, a.isDefault])).toEqual([
      ['李四', true],
      ['张三', false],
    ]);
    await shot('f2-18-address-book');
  });

  it('more than the stock at checkout: the item is named, nothing can be ordered, 返回修改 leads back', async () => {
    // 云南熟普洱 has 30 in stock.
    await page.goto(`${session.url}/packages/trade/checkout/index?source=buyNow&skuId=p-tea-puer-s1&quantity=31`);
    await waitForText(page, '「357g 饼」库存不足，仅剩 30 件');
    await waitForText(page, '返回修改');
    await shot('f2-15-checkout-out-of-stock-direct');

    await page.goto(`${session.url}/packages/trade/checkout/index?source=buyNow&productId=p-tea-puer&skuId=p-tea-puer-s1&quantity=31`);
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
