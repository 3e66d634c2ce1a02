import type { Locator, Page } from 'playwright-core';

/**
 * Helpers for driving the H5 storefront. Taro's H5 router keeps earlier pages
 * in the DOM (hidden), so every lookup keeps to visible elements.
 */
export const WAIT_MS = 15_000;

/** The first visible element with exactly this text. */
export function byText(page: Page, text: string | RegExp): Locator {
  return page.getByText(text, { exact: typeof text === 'string' }).filter({ visible: true }).first();
}

/** The first visible element matching a CSS selector. */
export function visible(page: Page, selector: string): Locator {
  return page.locator(selector).filter({ visible: true }).first();
}

export async function waitForText(page: Page, text: string | RegExp): Promise<Locator> {
  const locator = byText(page, text);
  await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  return locator;
}

export async function tapText(page: Page, text: string | RegExp): Promise<void> {
  await (await waitForText(page, text)).click();
}

/** Polls `read` until `accept` holds (for values the page updates on its own). */
export async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let value = await read();
  while (!accept(value)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(value)}`);
    await new Promise((done) => setTimeout(done, 100));
    value = await read();
  }
  return value;
}

/** The stock the product page shows for its selected SKU ("库存 N 件"). */
export async function shownStock(page: Page): Promise<number> {
  const text = (await (await waitForText(page, /^库存 \d+ 件$/)).textContent()) ?? '';
  return Number(/库存 (\d+) 件/.exec(text)?.[1]);
}

/** Calls a cloud function over the local cloud's HTTP protocol as `openid`. */
export async function callAs<T>(baseUrl: string, openid: string, fn: string, action: string, data: unknown): Promise<T> {
  const login = await fetch(`${baseUrl}/api/dev/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid }),
  });
  const { token } = (await login.json()) as { token: string };
  const res = await fetch(`${baseUrl}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action, data }),
  });
  const body = (await res.json()) as { result: { ok: boolean; data?: T; error?: { code: string; message: string } } };
  if (!body.result.ok) throw new Error(`${fn}.${action}: ${body.result.error?.code} ${body.result.error?.message}`);
  return body.result.data as T;
}

/** Waits until no page is sliding in or out and no modal or toast is fading (Taro's H5 router and UI animate). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const shown = (el: Element) => getComputedStyle(el).display !== 'none';
      const pagesStill = [...document.querySelectorAll('.taro_router > .taro_page')]
        .filter(shown)
        .every((el) => Math.abs(el.getBoundingClientRect().left) < 1);
      const opacity = (el: Element) => getComputedStyle(el).opacity;
      const overlaysStill =
        [...document.querySelectorAll('.taro__modal')].filter(shown).every((el) => opacity(el) === '1') &&
        [...document.querySelectorAll('.taro__toast')].filter(shown).every((el) => ['0', '1'].includes(opacity(el)));
      return pagesStill && overlaysStill;
    },
    undefined,
    { timeout: WAIT_MS },
  );
}

/** Types `value` into the form field `#id` and checks it took. */
export async function fillField(page: Page, id: string, value: string): Promise<void> {
  const input = visible(page, `#${id} input`);
  await input.fill(value);
  expect(await input.inputValue()).toBe(value);
}

/** 首页 → `product` → 加入购物车 → the cart → 去结算 → 到店自提, on the checkout page. */
export async function checkoutForPickup(page: Page, baseUrl: string, product = '茉莉花茶'): Promise<void> {
  await page.goto(baseUrl);
  await tapText(page, product);
  await tapText(page, '加入购物车');
  await waitForText(page, '已加入购物车');
  await visible(page, '.product__bar-cart').click();
  await tapText(page, /^去结算/);
  await tapText(page, '到店自提');
}

/** The region picker (省 → 市 → 区): opens it and taps each name, waiting for the next level before the next tap. */
export async function pickRegion(page: Page, names: string[]): Promise<void> {
  await visible(page, '[data-testid="address-region"]').click();
  await visible(page, '[data-testid="region-picker"]').waitFor({ timeout: WAIT_MS });
  for (const [level, name] of names.entries()) {
    if (level > 0) await visible(page, `[data-testid="region-tab-${level}"]`).waitFor({ timeout: WAIT_MS });
    await visible(page, `[data-testid="region-picker"] [data-testid="region-option-${name}"]`).click();
  }
  await page.locator('[data-testid="region-picker"]').filter({ visible: true }).waitFor({ state: 'detached', timeout: WAIT_MS }).catch(() => undefined);
}

/** The checkout's latest quote is back: 提交订单 is on and no card is stale (a tap while re-quoting does nothing). */
export async function checkoutReady(page: Page): Promise<void> {
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
}
