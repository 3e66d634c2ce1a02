/**
 * A product made in the back office, bought in the storefront (H5 against
 * the local cloud): the operator creates it with an uploaded picture and two
 * 颜色 values, publishes it; a customer finds it under its category, sees the
 * uploaded picture on the product page, buys it and pays in the sandbox sheet.
 */
import type { Page } from 'playwright-core';
import path from 'node:path';
import type { OpsProductPage } from '../../src/core/contracts/catalog-admin';
import type { OrderPage } from '../../src/core/contracts/order';
import { useH5Session } from './support/h5-session';
import { checkoutReady, fillField, pickRegion, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const OPERATOR = 'demo-operator';
const CUSTOMER = 'demo-customer';
const NAME = '亚麻抱枕 E2E';
const PICTURE = path.resolve('src/assets/tabbar/catalog-active.png');

jest.setTimeout(180_000);

describe('a product from the back office, bought by a customer', () => {
  const session = useH5Session('ops-product');
  const { api, shot, phoneOf } = session;
  const testId = (page: Page, id: string) => visible(page, `[data-testid="${id}"]`);
  /** A screenshot at desktop width, then back to the phone. */
  const desktopShot = async (page: Page, name: string) => {
    const phone = page.viewportSize()!;
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, name);
    await page.setViewportSize(phone);
  };

  it('operator creates and publishes a product with an uploaded picture; a customer finds it, sees the picture, buys and pays', async () => {
    const operator = await phoneOf(OPERATOR);
    await operator.goto(`${session.url}/packages/ops/products/index`);
    await testId(operator, 'products-new').waitFor({ timeout: WAIT_MS });
    await visible(operator, '[data-testid^="ops-product-"]').waitFor({ timeout: WAIT_MS });
    await shot(operator, 'op-01-products');
    await desktopShot(operator, 'op-01b-products-desktop');

    // 新建商品: first saved empty, the form says what is missing.
    await testId(operator, 'products-new').click();
    await testId(operator, 'product-submit').waitFor({ timeout: WAIT_MS });
    await testId(operator, 'product-submit').click();
    await waitForText(operator, '请至少上传一张商品图片');
    await shot(operator, 'op-02-form-errors');

    await fillField(operator, 'product-name', NAME);
    await testId(operator, 'product-category-cat-home').click();
    const [chooser] = await Promise.all([
      operator.waitForEvent('filechooser', { timeout: WAIT_MS }),
      visible(operator, '[data-testid="field-images"] [aria-label="添加图片"]').click(),
    ]);
    await chooser.setFiles(PICTURE);
    await visible(operator, '[data-testid="field-images"] [data-testid="image-uploader-item"] img').waitFor({ timeout: WAIT_MS });
    await visible(operator, '#product-detail textarea').fill('亚麻面料，可拆洗');
    const [detailChooser] = await Promise.all([
      operator.waitForEvent('filechooser', { timeout: WAIT_MS }),
      visible(operator, '[data-testid="field-detailImages"] [aria-label="添加图片"]').click(),
    ]);
    await detailChooser.setFiles(PICTURE);
    await visible(operator, '[data-testid="field-detailImages"] [data-testid="image-uploader-item"] img').waitFor({ timeout: WAIT_MS });

    await testId(operator, 'spec-add').click();
    await fillField(operator, 'spec-name-0', '颜色');
    for (const value of ['米白', '雾蓝']) {
      await fillField(operator, 'spec-value-input-0', value);
      await testId(operator, 'spec-value-add-0').click();
      await testId(operator, `spec-value-0-${value}`).waitFor({ timeout: WAIT_MS });
    }
    await fillField(operator, 'sku-0-price', '39');
    await fillField(operator, 'sku-0-stock', '20');
    await fillField(operator, 'sku-1-price', '45');
    await fillField(operator, 'sku-1-listPrice', '59');
    await fillField(operator, 'sku-1-stock', '10');
    await shot(operator, 'op-03-form');
    await desktopShot(operator, 'op-03b-form-desktop');
    await testId(operator, 'product-submit').click();

    // Back on the list: the new product waits under 已下架 until it is published.
    await testId(operator, 'products-tab-OFF_SALE').waitFor({ timeout: WAIT_MS });
    const created = await until(
      () => api<OpsProductPage>(OPERATOR, 'catalog', 'opsProducts', { keyword: NAME }),
      (page) => page.items.length === 1,
      'the saved product',
    );
    const row = created.items[0]!;
    expect(row).toMatchObject({ status: 'OFF_SALE', categoryName: '家居', minPriceFen: 3900, maxPriceFen: 4500, totalStock: 30, skuCount: 2 });
    expect(row.image).toMatch(/^cloud:\/\//);
    await testId(operator, 'products-tab-OFF_SALE').click();
    await testId(operator, `ops-product-${row.productId}`).waitFor({ timeout: WAIT_MS });
    const thumb = await visible(operator, `[data-testid="ops-product-${row.productId}"] img`).getAttribute('src');
    expect(thumb).toContain('/api/storage/');
    await testId(operator, `ops-product-toggle-${row.productId}`).click();
    // The modal's 上架, not the row's.
    await operator.locator('.taro__modal').getByText('上架', { exact: true }).filter({ visible: true }).click();
    await until(
      () => testId(operator, 'products-tab-ON_SALE').textContent(),
      (t) => t === `在售 ${created.counts.ON_SALE + 1}`,
      'the 在售 count to go up',
    );
    await testId(operator, 'products-tab-ON_SALE').click();
    await testId(operator, `ops-product-${row.productId}`).waitFor({ timeout: WAIT_MS });
    await shot(operator, 'op-04-products-published');

    // The customer: 分类 → 家居 → the product, with the uploaded picture.
    const customer = await phoneOf(CUSTOMER);
    await customer.goto(`${session.url}/pages/catalog/index`);
    await tapText(customer, '家居');
    await tapText(customer, NAME);
    await waitForText(customer, '立即购买');
    const image = visible(customer, '.product__gallery img');
    await image.waitFor({ timeout: WAIT_MS });
    const src = (await image.getAttribute('src')) ?? '';
    expect(src).toContain('/api/storage/');
    const served = await fetch(new URL(src, session.url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toContain('image/png');
    expect(await until(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth), (w) => w > 0, 'the picture to load')).toBeGreaterThan(0);
    await waitForText(customer, '亚麻面料，可拆洗');
    expect(await visible(customer, '[data-testid="product-detail-images"] img').getAttribute('src')).toContain('/api/storage/');
    await shot(customer, 'op-05-customer-product');

    await tapText(customer, '雾蓝');
    await tapText(customer, '立即购买');
    await visible(customer, '#address-name input').fill('李四');
    await visible(customer, '#address-phone input').fill('13800138001');
    await pickRegion(customer, ['上海市', '上海市', '静安区']);
    await until(() => visible(customer, '[data-testid="address-region"]').textContent(), (t) => t === '上海市 静安区›', 'the picked region');
    await visible(customer, '#address-detail input').fill('南京西路 1 号');
    await until(() => visible(customer, '.checkout__total .price').textContent(), (t) => t === '¥53.00', 'the quoted payable (45 + 8 shipping)');
    await checkoutReady(customer);
    await tapText(customer, '提交订单');
    await tapText(customer, '允许'); // the subscribe-message consent (服务通知)
    await tapText(customer, '确认支付');
    await waitForText(customer, '支付成功');
    await visible(customer, '[data-testid="pay-result-order"]').click();
    await until(
      () => visible(customer, '[data-testid="order-status-label"]').textContent().catch(() => null),
      (t) => t === '已支付',
      'the order page to show 已支付',
    );
    await shot(customer, 'op-06-customer-paid');

    const orders = await api<OrderPage>(CUSTOMER, 'order', 'list', { page: 0, pageSize: 5 });
    expect(orders.items[0]).toMatchObject({ status: 'PAID', amounts: { payable: 5300 } });
    expect(orders.items[0]!.items[0]).toMatchObject({ productName: NAME, skuName: '雾蓝', unitPrice: 4500, quantity: 1 });
  });
});
