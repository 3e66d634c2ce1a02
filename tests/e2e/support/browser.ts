import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { watchConsole } from './console-guard';

export const SCREENSHOT_DIR = path.resolve('test-results/screenshots');

/** Chromium, with every context's pages watched for console errors (./console-guard). */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    watchConsole(context);
    return context;
  };
  return browser;
}

/** A phone-sized viewport, like the mini-program's. */
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' };

export async function newPhonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext(PHONE);
  return context.newPage();
}

/**
 * A phone whose app signs in as `openid`: the H5 app signs in through
 * /api/dev/login with the openid it keeps in storage ({ data } as JSON, the
 * way Taro.setStorageSync does; src/api/session.ts).
 */
export async function phoneContextAs(browser: Browser, openid: string): Promise<BrowserContext> {
  const context = await browser.newContext(PHONE);
  await context.addInitScript((id) => {
    if (!localStorage.getItem('siyu.openid')) localStorage.setItem('siyu.openid', JSON.stringify({ data: id }));
  }, openid);
  return context;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
