import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalCloud } from './src/server/local/cloud';
(async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'shots-'));
  const cloud = await startLocalCloud({ port: 0, dataDir, timers: false });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  await ctx.addInitScript(() => localStorage.setItem('siyu.openid', JSON.stringify({ data: 'demo-operator' })));
  const page = await ctx.newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.log('console error', m.text()); });
  const pages = (process.env.PAGES ?? '').split(',');
  for (const p of pages) {
    await page.goto(`${cloud.url}/packages/ops/${p}/index`);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: `/tmp/shot-${p}.png`, fullPage: false });
    console.log('shot', p);
  }
  await browser.close(); await cloud.close();
})();
