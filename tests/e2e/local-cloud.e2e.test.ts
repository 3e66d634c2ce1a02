import type { Browser } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../src/server/local/cloud';
import { launchBrowser, newPhonePage, screenshot } from './support/browser';

describe('local cloud in the browser', () => {
  let cloud: LocalCloud;
  let browser: Browser;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'siyu-e2e-'));
    cloud = await startLocalCloud({ port: 0, dataDir, timers: false });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await cloud?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the app shell and answers the health check from the page', async () => {
    const page = await newPhonePage(browser);
    await page.goto(cloud.url);
    await expect(page.locator('body')).toBeTruthy();
    const health = await page.evaluate(async () => (await fetch('/api/health')).json());
    expect(health.ok).toBe(true);
    await screenshot(page, 'shell');
  });

  it('signs in and calls a function over the HTTP protocol from the page', async () => {
    const page = await newPhonePage(browser);
    await page.goto(cloud.url);
    const answer = await page.evaluate(async () => {
      const { token } = await (await fetch('/api/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: 'demo-customer' }) })).json();
      const res = await fetch('/api/functions/system', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ action: 'whoami', data: {} }),
      });
      return res.json();
    });
    expect(answer.result.ok).toBe(true);
    expect(answer.result.data).toMatchObject({ openid: 'demo-customer' });
  });
});
