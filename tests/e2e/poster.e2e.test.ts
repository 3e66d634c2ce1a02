/**
 * 分享海报 in the H5 build against the local cloud: a member opens a product,
 * taps 生成海报, and the poster page draws the poster on a canvas. The PNG it
 * shows and the PNG 下载海报 saves are decoded here (tests/e2e/support/png)
 * and the QR inside each is read with jsQR: it is the product's link on this
 * origin with the member's sharer= code, and a friend who opens what it reads
 * counts as an open of the member's share. The group-buy activity, an open
 * group, a flash sale and the member's invite give posters whose QR reads
 * back their own links.
 */
import jsQR from 'jsqr';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { ProductDetail, ProductPage } from '../../src/core/contracts/catalog';
import type { FlashSaleList } from '../../src/core/contracts/flashsale';
import type { ActivityListView, GroupView, SeatReservedView } from '../../src/core/contracts/groupbuy';
import { DEMO_STORE_ID } from '../../src/server/local/seed/catalog';
import { SCREENSHOT_DIR } from './support/browser';
import { useH5Session } from './support/h5-session';
import { decodePng, type Pixels } from './support/png';
import { until, visible, WAIT_MS } from './support/shop';

const RUN = Date.now().toString(36);
const MEMBER = `e2e-poster-${RUN}`;
/** What the poster is drawn at on the test phone (deviceScaleFactor 2). */
const DPR = 2;

const readQr = (pixels: Pixels) => jsQR(pixels.data, pixels.width, pixels.height)?.data ?? null;

/** The PNG the poster page shows (a data: URL on H5). */
async function shownPng(page: Page): Promise<Buffer> {
  const src = await visible(page, '[data-testid="poster"] img').getAttribute('src');
  expect(src).toMatch(/^data:image\/png;base64,/);
  return Buffer.from(src!.slice(src!.indexOf(',') + 1), 'base64');
}

describe('share posters in the H5 storefront', () => {
  const session = useH5Session('poster');
  const { api, shot, phoneOf } = session;
  let page: Page;
  /** The member's share code: every poster's link carries it as sharer= (share attribution, growth.shareCode). */
  let sharer: string;
  const link = (pagePath: string) => `${session.url}${pagePath}&sharer=${encodeURIComponent(sharer)}`;

  beforeAll(async () => {
    await api(MEMBER, 'member', 'join', { nickname: '林小满' });
    sharer = (await api<{ code: string }>(MEMBER, 'growth', 'shareCode', {})).code;
    page = await phoneOf(MEMBER);
  });

  const openPoster = async (pagePath: string, name: string): Promise<{ png: Buffer; shareUrl: string }> => {
    await page.goto(`${session.url}${pagePath}`);
    return posterShown(name);
  };
  /** The poster page once its PNG is on screen: a screenshot of the page, and the PNG itself kept beside it. */
  const posterShown = async (name: string): Promise<{ png: Buffer; shareUrl: string }> => {
    const poster = visible(page, '[data-testid="poster"]');
    await poster.waitFor({ timeout: WAIT_MS });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="poster"] img')].some((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0));
    await shot(page, name);
    const png = await shownPng(page);
    writeFileSync(path.join(SCREENSHOT_DIR, `${name}-png.png`), png);
    return { png, shareUrl: (await poster.getAttribute('data-share-url'))! };
  };

  it('product → 生成海报 → the poster PNG holds a QR that reads back the product link; 下载海报 saves the same poster', async () => {
    const products = await api<ProductPage>(MEMBER, 'catalog', 'listProducts', { page: 0, pageSize: 20 });
    const product = await api<ProductDetail>(MEMBER, 'catalog', 'productDetail', { productId: products.items.find((p) => !p.soldOut && p.image)!._id });
    const productLink = link(`/pages/product/index?id=${encodeURIComponent(product._id)}`);

    await page.goto(`${session.url}/pages/product/index?id=${encodeURIComponent(product._id)}`);
    const entry = visible(page, '[data-testid="poster-entry"]');
    await entry.waitFor({ timeout: WAIT_MS });
    await shot(page, 'p13-01-product-poster-entry');
    await entry.click();

    const poster = visible(page, '[data-testid="poster"]');
    await poster.waitFor({ timeout: WAIT_MS });
    await shot(page, 'p13-02-poster-product');
    expect(await poster.getAttribute('data-share-url')).toBe(productLink);

    const png = await shownPng(page);
    writeFileSync(path.join(SCREENSHOT_DIR, 'p13-02-poster-product-png.png'), png);
    const shown = decodePng(png);
    expect(shown.width).toBe(320 * DPR);
    expect(shown.height).toBe(Number(await poster.getAttribute('data-height')));
    expect(readQr(shown)).toBe(productLink);

    // 下载海报: a PNG file, the same poster, the same link.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: WAIT_MS }), visible(page, '[data-testid="poster-save"]').click()]);
    expect(download.suggestedFilename()).toBe('私域商城-分享海报.png');
    const saved = decodePng(readFileSync((await download.path())!));
    expect([saved.width, saved.height]).toEqual([shown.width, shown.height]);
    expect(readQr(saved)).toBe(productLink);

    // A friend scans it: the link opens the product, and the open counts for 林小满 (growth.shareStats).
    const friend = await phoneOf(`e2e-poster-${RUN}-friend`);
    await friend.goto(readQr(saved)!);
    await visible(friend, '[data-testid="poster-entry"]').waitFor({ timeout: WAIT_MS });
    const row = await until(
      async () => (await api<{ rows: Array<{ nickname: string; opens: number }> }>('demo-operator', 'growth', 'shareStats', {})).rows.find((r) => r.nickname === '林小满'),
      (r) => (r?.opens ?? 0) >= 1,
      "the friend's open of 林小满's share",
    );
    expect(row?.opens).toBe(1);
  });

  it('group-buy activity, an open group and a flash sale: each poster QR reads back its own page', async () => {
    const { items } = await api<ActivityListView>(MEMBER, 'groupbuy', 'listActivities', {});
    const activity = items.find((a) => a.phase === 'ACTIVE')!;
    expect(activity).toBeDefined();
    // From the activity page's 生成分享海报.
    await page.goto(`${session.url}/packages/groupbuy/activity/index?id=${encodeURIComponent(activity.activityId)}`);
    await visible(page, '[data-testid="poster-entry"]').waitFor({ timeout: WAIT_MS });
    await shot(page, 'p13-03-groupbuy-poster-entry');
    await visible(page, '[data-testid="poster-entry"]').click();
    const activityPoster = await posterShown('p13-03-poster-groupbuy');
    const activityLink = link(`/packages/groupbuy/activity/index?id=${encodeURIComponent(activity.activityId)}`);
    expect(activityPoster.shareUrl).toBe(activityLink);
    expect(readQr(decodePng(activityPoster.png))).toBe(activityLink);

    // An open group: the member opens one and pays in the sandbox.
    const seat = await api<SeatReservedView>(MEMBER, 'groupbuy', 'open', {
      activityId: activity.activityId,
      requestId: `poster-${RUN}-open`,
      fulfillment: { type: 'pickup', storeId: DEMO_STORE_ID },
    });
    await api(MEMBER, 'order', 'pay', { orderId: seat.orderId });
    const login = (await (await fetch(`${session.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid: MEMBER }) })).json()) as { token: string };
    const paid = await fetch(`${session.url}/api/dev/pay/${seat.orderId}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${login.token}` }, body: JSON.stringify({ result: 'SUCCESS' }) });
    expect(paid.status).toBe(200);
    const group = await api<GroupView>(MEMBER, 'groupbuy', 'get', { groupId: seat.groupId });
    expect(group.state).toBe('OPEN');
    // From the group page's own 生成海报.
    await page.goto(`${session.url}/packages/groupbuy/group/index?id=${encodeURIComponent(group.groupId)}`);
    await visible(page, '[data-testid="poster-entry"]').click();
    await visible(page, '[data-testid="poster"]').waitFor({ timeout: WAIT_MS });
    await shot(page, 'p13-04-poster-group');
    const groupLink = link(`/packages/groupbuy/group/index?id=${encodeURIComponent(group.groupId)}`);
    const groupPng = await shownPng(page);
    writeFileSync(path.join(SCREENSHOT_DIR, 'p13-04-poster-group-png.png'), groupPng);
    expect(readQr(decodePng(groupPng))).toBe(groupLink);

    const { sales } = await api<FlashSaleList>(MEMBER, 'flashsale', 'list', {});
    const sale = sales.find((s) => s.state === 'LIVE' || s.state === 'SCHEDULED')!;
    expect(sale).toBeDefined();
    await page.goto(`${session.url}/packages/flashsale/detail/index?id=${encodeURIComponent(sale.saleId)}`);
    await visible(page, '[data-testid="poster-entry"]').click();
    const flash = await posterShown('p13-05-poster-flashsale');
    const saleLink = link(`/packages/flashsale/detail/index?id=${encodeURIComponent(sale.saleId)}`);
    expect(flash.shareUrl).toBe(saleLink);
    expect(readQr(decodePng(flash.png))).toBe(saleLink);
  });

  it("the invite poster's QR reads back the member's invite link (growth.inviteCode)", async () => {
    const invite = await api<{ code: string; path: string }>(MEMBER, 'growth', 'inviteCode', {});
    const shown = await openPoster('/packages/share/poster/index?kind=invite', 'p13-06-poster-invite');
    expect(shown.shareUrl).toBe(`${session.url}${invite.path}`);
    expect(readQr(decodePng(shown.png))).toBe(`${session.url}${invite.path}`);
  });

  it('a poster of something that does not exist says so', async () => {
    await page.goto(`${session.url}/packages/share/poster/index?kind=product&id=p-nope`);
    await visible(page, '[data-state="empty"]').waitFor({ timeout: WAIT_MS });
    await shot(page, 'p13-07-poster-missing');
  });
});
