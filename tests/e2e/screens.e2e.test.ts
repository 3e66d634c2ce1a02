/**
 * The customer's main pages at three phone widths (360, 390, 430 px): each opened fresh at that width, laid
 * out for it from the first paint (root font size = width × 40 / 750), with nothing wider than the window,
 * saved as test-results/screens/<page>-<width>.png to be looked at. Then what the shell and the router do
 * around them: the skeleton before the scripts, a resize while loading, the title bar with 返回 / 首页 and the 404 page;
 * and a flash-sale buy, whose button used to log a React NotFoundError.
 */
import type { Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { GroupBuyActivityView, SeatReservedView } from '../../src/core/contracts/groupbuy';
import type { OrderView } from '../../src/core/contracts/order';
import { HOME_URL } from '../../src/utils/routes';
import { useH5Session } from './support/h5-session';
import { settled, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const RUN = Date.now().toString(36);
const CUSTOMER = `e2e-screens-${RUN}`;
const OPERATOR = 'demo-operator';
const PICKUP = { type: 'pickup', storeId: 'store-demo' } as const;
const WIDTHS = [360, 390, 430];
const HEIGHT = 844;
const SCREENS_DIR = path.resolve('test-results/screens');

jest.setTimeout(240_000);

describe('the storefront at 360, 390 and 430 px', () => {
  const session = useH5Session('screens');
  const { api, phoneOf } = session;
  let phone: Page;
  /** Page → its URL and the element that says it has loaded. */
  let screens: Array<{ name: string; url: string; ready: string }>;

  beforeAll(async () => {
    mkdirSync(SCREENS_DIR, { recursive: true });
    await api(CUSTOMER, 'member', 'join', { nickname: '林小满' });
    const order = await api<OrderView>(CUSTOMER, 'order', 'create', {
      items: [{ skuId: 'p-tea-oolong-s1', quantity: 1 }],
      fulfillment: PICKUP,
      source: 'buyNow',
      requestId: `e2e-screens-order-${RUN}`,
    });
    const now = Date.now();
    const activity = await api<GroupBuyActivityView>(OPERATOR, 'groupbuy', 'createActivity', {
      skuId: 'p-tea-jasmine-s1',
      groupPrice: 1990,
      groupSize: 3,
      timeLimitMinutes: 60,
      perMemberLimit: 1,
      startAt: now - 60_000,
      endAt: now + 24 * 3_600_000,
      title: '茉莉花茶 三人拼',
    });
    const seat = await api<SeatReservedView>(CUSTOMER, 'groupbuy', 'open', { activityId: activity.activityId, requestId: `e2e-screens-gb-${RUN}`, fulfillment: PICKUP });
    screens = [
      { name: 'home', url: HOME_URL, ready: '.home' },
      { name: 'product', url: '/pages/product/index?id=p-tea-oolong', ready: '.product' },
      { name: 'checkout', url: '/packages/trade/checkout/index?source=buyNow&skuId=p-tea-oolong-s1&quantity=1', ready: '[data-testid="checkout-submit"]' },
      { name: 'order', url: `/packages/trade/order/index?id=${order._id}`, ready: '[data-testid="order-status-label"]' },
      { name: 'member', url: '/pages/member/index', ready: '.member' },
      { name: 'group', url: `/packages/groupbuy/group/index?id=${seat.groupId}`, ready: '[data-testid="group-seats"]' },
    ];
    phone = await phoneOf(CUSTOMER);
  });

  /** The root font size, and how far anything reaches past the window (the document or the shown page). */
  const layout = (page: Page) =>
    page.evaluate(() => {
      const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')].filter((el) => getComputedStyle(el).display !== 'none');
      const widest = Math.max(document.documentElement.scrollWidth, ...shown.map((el) => el.scrollWidth));
      return { rootPx: parseFloat(document.documentElement.style.fontSize), overflow: widest - window.innerWidth };
    });

  /** Settled, with its pictures drawn. */
  const ready = async (page: Page, selector: string) => {
    await visible(page, selector).waitFor({ timeout: WAIT_MS });
    await settled(page);
    await page.waitForFunction(() => [...document.images].every((img) => img.complete), undefined, { timeout: WAIT_MS });
  };

  it.each(WIDTHS)('at %i px every page is laid out for the width from its first load, and nothing overflows', async (width) => {
    await phone.setViewportSize({ width, height: HEIGHT });
    for (const screen of screens) {
      await phone.goto(`${session.url}${screen.url}`);
      await ready(phone, screen.ready);
      const file = path.join(SCREENS_DIR, `${screen.name}-${width}.png`);
      await phone.screenshot({ path: file });
      expect({ screen: screen.name, ...(await layout(phone)) }).toEqual({ screen: screen.name, rootPx: expect.closeTo((width * 40) / 750, 2), overflow: 0 });
    }
  });

  it('first load on a slow network: the shell shows the home skeleton; a resize while loading still ends laid out for the window', async () => {
    await phone.setViewportSize({ width: 390, height: HEIGHT });
    const slow = async (route: { continue(): Promise<void> }) => {
      await new Promise((done) => setTimeout(done, 2_000));
      await route.continue();
    };
    await phone.route('**/js/*.js', slow);
    try {
      const loading = phone.goto(session.url);
      await visible(phone, '#siyu-boot').waitFor({ timeout: WAIT_MS });
      await phone.screenshot({ path: path.join(SCREENS_DIR, 'boot-skeleton-390.png') });
      // A phone's viewport settles while the scripts are still on their way.
      await phone.setViewportSize({ width: 360, height: HEIGHT - 40 });
      await phone.setViewportSize({ width: 390, height: HEIGHT });
      await loading;
      await ready(phone, '.home');
    } finally {
      await phone.unroute('**/js/*.js', slow);
    }
    expect(await phone.locator('#siyu-boot').count()).toBe(0);
    expect(await layout(phone)).toEqual({ rootPx: expect.closeTo(20.8, 2), overflow: 0 });
    await phone.setViewportSize({ width: 430, height: HEIGHT });
    await until(() => layout(phone), (l) => Math.abs(l.rootPx - (430 * 40) / 750) < 0.01 && l.overflow === 0, 'the layout to follow a resize to 430 px');
  });

  it('立即抢购 on a live flash sale goes to the order with no console error (it logged NotFoundError: insertBefore)', async () => {
    await phone.setViewportSize({ width: 390, height: HEIGHT });
    await phone.goto(`${session.url}/packages/flashsale/detail/index?id=fs-demo-kiwi`);
    const buy = visible(phone, '[data-testid="flash-buy"]');
    await until(() => buy.textContent(), (t) => t === '立即抢购', '立即抢购');
    await settled(phone);
    await buy.click();
    await until(() => visible(phone, '[data-testid="order-status-label"]').textContent().catch(() => null), (t) => t === '待支付', 'the order page');
    // The console guard (support/console-guard) fails this test if the tap logged anything.
  });

  it('a shared link offers 首页, a page opened from another offers 返回, and an unknown URL a 404 page with a way home', async () => {
    await phone.setViewportSize({ width: 390, height: HEIGHT });
    const bar = visible(phone, '[data-testid="nav-bar"]');

    // A shared product link, opened fresh: only 首页.
    await phone.goto(`${session.url}/pages/product/index?id=p-tea-oolong`);
    await ready(phone, '.product');
    await bar.waitFor({ timeout: WAIT_MS });
    expect(await phone.locator('[data-testid="nav-back"]').isVisible()).toBe(false);
    expect(await visible(phone, '[data-testid="nav-title"]').textContent()).toBe('冻顶乌龙');
    // The page starts below the bar, not under it.
    const [barBox, pageBox] = await Promise.all([bar.boundingBox(), visible(phone, '.product').boundingBox()]);
    expect(pageBox!.y).toBeGreaterThanOrEqual(barBox!.y + barBox!.height - 0.5);
    await phone.screenshot({ path: path.join(SCREENS_DIR, 'nav-shared-link-390.png') });
    await visible(phone, '[data-testid="nav-home"]').click();
    await ready(phone, '.home');
    expect(new URL(phone.url()).pathname).toBe(HOME_URL);
    expect(await phone.locator('[data-testid="nav-bar"]').count()).toBe(0);

    // 首页 → a product: 返回 leads back.
    await tapText(phone, '茉莉花茶');
    await ready(phone, '.product');
    await visible(phone, '[data-testid="nav-back"]').click();
    await ready(phone, '.home');
    expect(new URL(phone.url()).pathname).toBe(HOME_URL);

    // An unknown URL: the 404 page, then home.
    await phone.goto(`${session.url}/pages/no-such-page/index`);
    await waitForText(phone, '这个页面不存在或已下线，去首页看看吧');
    await settled(phone);
    await phone.screenshot({ path: path.join(SCREENS_DIR, 'not-found-390.png') });
    await tapText(phone, '回到首页');
    await ready(phone, '.home');
    expect(new URL(phone.url()).pathname).toBe(HOME_URL);
  });
});
