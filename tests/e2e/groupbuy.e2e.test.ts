/**
 * Group-buy in the H5 build against the local cloud: an operator creates a
 * 2-person activity over the API; customer A opens a group from 首页 → 拼团 and
 * pays in the sandbox sheet; customer B (another openid, another phone) opens
 * A's share link, joins and pays; both see 拼团成功 and the group holds two
 * paid members.
 */
import type { Page } from 'playwright-core';
import type { ProductDetail, ProductPage } from '../../src/core/contracts/catalog';
import type { GroupBuyActivityView, GroupView } from '../../src/core/contracts/groupbuy';
import type { OrderPage } from '../../src/core/contracts/order';
import { useH5Session } from './support/h5-session';
import { tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const RUN = Date.now().toString(36);
// Members show as 拼友 + the openid's last 4 characters: the tails differ.
const LEADER = `e2e-gb-${RUN}-lead`;
const FRIEND = `e2e-gb-${RUN}-frnd`;
const OPERATOR = 'demo-operator';

describe('group-buy in the H5 storefront', () => {
  const session = useH5Session('groupbuy');
  const { api, shot, phoneOf } = session;
  const stateTitle = (page: Page) => visible(page, '[data-testid="group-state-title"]').textContent();
  const payInSheet = async (page: Page, name: string) => {
    await visible(page, '[data-testid="pay-sheet"]').waitFor({ timeout: WAIT_MS });
    await shot(page, name);
    await visible(page, '[data-testid="pay-confirm"]').click();
  };

  it('operator launches a 2-person group-buy; A opens and pays; B joins by the share link and pays; both see 拼团成功', async () => {
    // The operator: a 2-person activity on a SKU in stock, live now for a day.
    const products = await api<ProductPage>(LEADER, 'catalog', 'listProducts', { page: 0, pageSize: 20 });
    const product = await api<ProductDetail>(LEADER, 'catalog', 'productDetail', { productId: products.items.find((p) => !p.soldOut)!._id });
    const sku = product.skus.find((s) => s.stock >= 5 && s.price >= 200)!;
    expect(sku).toBeDefined();
    const groupPrice = Math.floor((sku.price * 0.7) / 100) * 100;
    const now = Date.now();
    const activity = await api<GroupBuyActivityView>(OPERATOR, 'groupbuy', 'createActivity', {
      skuId: sku._id,
      groupPrice,
      groupSize: 2,
      timeLimitMinutes: 24 * 60,
      perMemberLimit: 1,
      startAt: now - 60_000,
      endAt: now + 2 * 24 * 3_600_000,
      title: `${product.name} 两人拼`,
    });
    expect(activity.phase).toBe('ACTIVE');
    const price = `¥${(groupPrice / 100).toFixed(2)}`;

    // Customer A: 首页 → 拼团 tile → the list → the activity.
    const a = await phoneOf(LEADER);
    await a.goto(session.url);
    await visible(a, '[data-testid="entry-groupbuy"]').click();
    const card = visible(a, `[data-testid="group-activity-${activity.activityId}"]`);
    await card.waitFor({ timeout: WAIT_MS });
    expect(await card.textContent()).toContain('2人团');
    expect(await card.textContent()).toContain(price);
    await shot(a, 'g5-01-groupbuy-list');

    await card.click();
    await visible(a, '[data-testid="open-groups"]').waitFor({ timeout: WAIT_MS });
    expect(await visible(a, '[data-testid="activity-group-price"]').textContent()).toBe(price);
    await waitForText(a, '暂时没有可参与的团，发起一个邀请好友吧');
    await shot(a, 'g5-02-activity');

    // 发起拼团: pickup, then the sandbox pay sheet right away.
    await visible(a, '[data-testid="group-open"]').click();
    await visible(a, '[data-testid="group-sheet"]').waitFor({ timeout: WAIT_MS });
    await visible(a, '[data-testid="fulfillment-pickup"]').click();
    // The store picker offers the shop's first store (no earlier choice, no location).
    await until(() => visible(a, '[data-testid="pickup-store-name"]').textContent(), (t) => t === '私域生活馆 · 演示店', 'the pickup store');
    await shot(a, 'g5-03-open-sheet');
    await visible(a, '[data-testid="group-sheet-pay"]').click();
    await tapText(a, '允许'); // the subscribe-message consent (服务通知)
    await payInSheet(a, 'g5-04-leader-pay');

    // Paid: the group page, waiting for one more member, with a countdown and the share link.
    await until(() => Promise.resolve(a.url()), (url) => url.includes('/packages/groupbuy/group/index?id='), 'the group page');
    await until(() => stateTitle(a), (t) => t === '还差 1 人成团', 'the open group');
    const countdown = (await visible(a, '[data-testid="group-countdown-time"]').textContent()) ?? '';
    expect(countdown).toMatch(/^2[34]:\d\d:\d\d$/);
    // 邀请好友 opens the share sheet: the link (this page's origin) and its QR code.
    await visible(a, '[data-testid="group-invite"]').click();
    const shareLink = ((await visible(a, '[data-testid="share-link"]').textContent()) ?? '').trim();
    const groupId = new URL(shareLink).searchParams.get('id')!;
    expect(shareLink).toBe(`${session.url}/packages/groupbuy/group/index?id=${groupId}`);
    await shot(a, 'g5-05-leader-group-open');
    await shot(a, 'g5-05b-leader-share-sheet');
    await visible(a, '[data-testid="share-copy"]').click();
    await waitForText(a, '内容已复制');
    await tapText(a, '关闭');

    const opened = await api<GroupView>(LEADER, 'groupbuy', 'get', { groupId });
    expect(opened).toMatchObject({ state: 'OPEN', paid: 1, seatsLeft: 1, joinedByMe: true });

    // Customer B, on another phone: the activity lists A's open group…
    const b = await phoneOf(FRIEND);
    await b.goto(`${session.url}/packages/groupbuy/activity/index?id=${activity.activityId}`);
    const row = visible(b, `[data-testid="open-group-${groupId}"]`);
    await row.waitFor({ timeout: WAIT_MS });
    expect(await row.textContent()).toContain('还差 1 人');
    await shot(b, 'g5-06a-friend-activity-open-groups');

    // …and B opens the share link → 参与拼团 with delivery → pay.
    await b.goto(shareLink);
    await until(() => stateTitle(b), (t) => t === '还差 1 人成团', 'the shared group');
    expect(await visible(b, '[data-testid="group-action-join"]').textContent()).toBe(`参与拼团 ${price}`);
    expect(await visible(b, '[data-testid="group-members"]').textContent()).toContain('团长');
    // Not a member yet: 参与拼团 with the seats left, never 邀请好友.
    expect(await visible(b, '[data-testid="group-join-invite"]').textContent()).toContain('仅剩 1 个名额');
    expect(await b.locator('[data-testid="group-invite"]').count()).toBe(0);
    await shot(b, 'g5-06-friend-share-page');

    await visible(b, '[data-testid="group-action-join"]').click();
    await visible(b, '[data-testid="group-sheet"]').waitFor({ timeout: WAIT_MS });
    await visible(b, '#address-name input').fill('李四');
    await visible(b, '#address-phone input').fill('13900139000');
    await visible(b, '#address-region input').fill('上海市 静安区');
    await visible(b, '#address-detail input').fill('南京西路 1 号');
    // Delivery adds the shop's shipping to the group price; the sheet says what the pay sheet will ask.
    const toPay = (await visible(b, '[data-testid="group-sheet-amount"]').textContent()) ?? '';
    expect(toPay).toBe(`¥${((groupPrice + (groupPrice >= 9900 ? 0 : 800)) / 100).toFixed(2)}`);
    await shot(b, 'g5-07-join-sheet');
    await visible(b, '[data-testid="group-sheet-pay"]').click();
    await tapText(b, '允许'); // the subscribe-message consent (服务通知)
    await visible(b, '[data-testid="pay-sheet"]').waitFor({ timeout: WAIT_MS });
    expect(await visible(b, '[data-testid="pay-sheet-amount"]').textContent()).toBe(toPay);
    await payInSheet(b, 'g5-08-friend-pay');

    await until(() => stateTitle(b), (t) => t === '拼团成功', '拼团成功 for B');
    expect(await visible(b, '[data-testid="group-seats"]').textContent()).toBe('2人团 · 已支付 2/2');
    await shot(b, 'g5-09-friend-succeeded');

    // A's page reads the group again on its own and shows the success too.
    await until(() => stateTitle(a), (t) => t === '拼团成功', '拼团成功 for A');
    await shot(a, 'g5-10-leader-succeeded');

    const done = await api<GroupView>(FRIEND, 'groupbuy', 'get', { groupId });
    expect(done).toMatchObject({ state: 'SUCCEEDED', paid: 2, seatsLeft: 0, joinedByMe: true });
    expect(done.members.map((m) => [m.nickname, m.leader, m.paid])).toEqual([
      ['拼友lead', true, true],
      ['拼友frnd', false, true],
    ]);
    for (const openid of [LEADER, FRIEND]) {
      const orders = await api<OrderPage>(openid, 'order', 'list', { page: 0, pageSize: 10 });
      expect(orders.items).toHaveLength(1);
      expect(['PAID', 'READY_FOR_PICKUP']).toContain(orders.items[0]!.status);
    }

    // A third customer with the link after the group filled: told so, and offered 去开新团.
    const c = await phoneOf(`e2e-gb-${RUN}-late`);
    await c.goto(shareLink);
    await until(() => stateTitle(c), (t) => t === '拼团成功', 'the filled group for C');
    await waitForText(c, '这个团已成团，去开个新团吧');
    expect(await visible(c, '[data-testid="group-action-newGroup"]').textContent()).toBe('去开新团');
    expect(await c.locator('[data-testid="group-action-join"]').count()).toBe(0);
    await shot(c, 'g5-12-latecomer-new-group');
    await visible(c, '[data-testid="group-action-newGroup"]').click();
    await visible(c, '[data-testid="group-open"]').waitFor({ timeout: WAIT_MS });

    // The order page from the group: 查看我的订单.
    await visible(b, '[data-testid="group-action-order"]').click();
    await visible(b, '[data-testid="order-status-label"]').waitFor({ timeout: WAIT_MS });
    await shot(b, 'g5-11-friend-order');
  });
});
