import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startLocalCloud } from './src/server/local/cloud';

(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'shots-'));
  const cloud = await startLocalCloud({ port: 0, dataDir, timers: false });
  const first = async (c: string, q: object = {}) => (await cloud.db.collection(c).where(q).limit(1).get()).data[0]._id;
  const product = await first('products', { status: 'ON_SALE' });
  const sale = await first('flash_sales');
  const act = await first('groupbuy_activities');
  const item = await first('mall_items');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  await ctx.addInitScript(() => localStorage.setItem('siyu.openid', JSON.stringify({ data: 'demo-customer' })));
  const page = await ctx.newPage();
  const shots: Array<[string, string, (() => Promise<void>)?]> = [
    ['product', `/pages/product/index?id=${product}`],
    ['flash', `/packages/flashsale/detail/index?id=${sale}`],
    ['group', `/packages/groupbuy/activity/index?id=${act}`, async () => { await page.getByText(/发起拼团|开团|单独购买/).first().click().catch(() => undefined); await page.waitForTimeout(800); }],
    ['mall', `/packages/mall/item/index?id=${item}`],
    ['checkout', `/packages/trade/checkout/index?skuId=x`],
    ['poster', `/packages/share/poster/index?kind=product&id=${product}`],
  ];
  for (const [name, url, then] of shots) {
    await page.goto(cloud.url + url);
    await page.waitForTimeout(2500);
    if (then) await then();
    await page.screenshot({ path: `/tmp/shot-${name}.png` });
  }
  await browser.close();
  await cloud.close();
})();
