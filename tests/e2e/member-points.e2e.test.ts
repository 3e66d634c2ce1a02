/**
 * Members and points in the H5 build against the local cloud, for a fresh
 * customer: 会员 tab → 开卡 → the join gift's points appear → 签到 → the
 * points go up → 积分商城 → redeem a points-only item → 兑换成功 → the order
 * is in 我的订单, the points were taken once, the coupon is in 我的优惠券.
 */
import type { Page } from 'playwright-core';
import type { CouponPage } from '../../src/core/contracts/coupon';
import type { CardView } from '../../src/core/contracts/member';
import type { MallPage } from '../../src/core/contracts/mall';
import type { OrderPage } from '../../src/core/contracts/order';
import type { PointsLedgerPage } from '../../src/core/contracts/points';
import { useH5Session } from './support/h5-session';
import { tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const CUSTOMER = `e2e-member-${Date.now().toString(36)}`;
const OPERATOR = 'demo-operator';

describe('member → points → points mall in the H5 storefront', () => {
  const session = useH5Session('member');
  const { phoneOf } = session;
  let page: Page;

  const api = <T>(fn: string, action: string, data: unknown, openid = CUSTOMER) => session.api<T>(openid, fn, action, data);
  const balance = async () => {
    const card = await api<CardView>('member', 'card', {});
    return card.joined ? card.points.balance : null;
  };
  const shot = (name: string) => session.shot(page, name);
  const shownNumber = async (selector: string) => Number((await visible(page, selector).textContent().catch(() => '')) || NaN);

  beforeAll(async () => {
    // A new customer on this phone.
    page = await phoneOf(CUSTOMER);
  });

  it('join → gift points → check in → points up → redeem in the points mall → the order is in 我的订单', async () => {
    // 会员 tab: not a member yet, the join form offers the join gift.
    await page.goto(`${session.url}/pages/member/index`);
    await visible(page, '[data-testid="join-card"]').waitFor({ timeout: WAIT_MS });
    const gift = (await visible(page, '[data-testid="join-gift"]').textContent()) ?? '';
    const giftPoints = Number(/(\d+) 积分/.exec(gift)?.[1]);
    expect(giftPoints).toBeGreaterThan(0);
    expect(await balance()).toBeNull();
    await shot('f4-01-member-join');

    await visible(page, '#join-nickname input').fill('新会员小林');
    await visible(page, '[data-testid="join-submit"]').click();
    await until(() => shownNumber('[data-testid="points-balance"]'), (n) => n === giftPoints, 'the join gift points on the member card');
    expect(await balance()).toBe(giftPoints);
    await shot('f4-02-member-card');

    // 签到有礼: today's check-in adds points.
    await visible(page, '[data-testid="member-action-checkin"]').click();
    await waitForText(page, '签到规则');
    const reward = Number(/今日签到可得 (\d+) 积分/.exec((await visible(page, '[data-testid="checkin-reward"]').textContent()) ?? '')?.[1]);
    expect(reward).toBeGreaterThan(0);
    await shot('f4-03-checkin');
    await visible(page, '[data-testid="checkin-button"]').click();
    await until(() => visible(page, '[data-testid="checkin-button"]').textContent(), (t) => t === '今日已签到', 'the check-in to be done');
    await shot('f4-04-checked-in');
    expect(await balance()).toBe(giftPoints + reward);

    // Back on the card the points went up.
    await page.goto(`${session.url}/pages/member/index`);
    await until(() => shownNumber('[data-testid="points-balance"]'), (n) => n === giftPoints + reward, 'the points after the check-in');
    await shot('f4-05-member-points-up');

    // The cheapest points-only item of the mall. The demo join gift and one check-in may not reach it:
    // then an operator adds the difference (a points adjustment with a reason), as a campaign would.
    const { items } = await api<MallPage>('mall', 'list', { page: 0, pageSize: 50 });
    const item = items.filter((i) => i.cashPrice === 0 && !i.soldOut).sort((a, b) => a.pointsPrice - b.pointsPrice)[0]!;
    expect(item).toBeDefined();
    let before = (await balance())!;
    if (before < item.pointsPrice) {
      await api('points', 'adjust', { openid: CUSTOMER, delta: item.pointsPrice - before, reason: '新会员活动补发', requestId: `e2e-topup-${CUSTOMER}` }, OPERATOR);
      before = item.pointsPrice;
    }

    // 首页 → 积分商城 tile → the mall with my points on top.
    await page.goto(session.url);
    await visible(page, '[data-testid="entry-points"]').click();
    await until(() => shownNumber('[data-testid="mall-balance"]'), (n) => n === before, 'my points on top of the mall');
    await visible(page, `[data-testid="mall-item-${item.itemId}"]`).waitFor({ timeout: WAIT_MS });
    await shot('f4-06-mall');

    await visible(page, `[data-testid="mall-item-${item.itemId}"]`).click();
    await until(() => visible(page, '[data-testid="redeem-button"]').textContent(), (t) => t === '立即兑换', 'the item page');
    await until(() => shownNumber('[data-testid="item-balance"]'), (n) => n === before, 'my points on the item page');
    await shot('f4-07-mall-item');

    await visible(page, '[data-testid="redeem-button"]').click();
    await waitForText(page, `将使用 ${item.pointsPrice} 积分兑换「${item.title}」`);
    await shot('f4-08-redeem-confirm');
    await tapText(page, '确定兑换');

    await waitForText(page, '兑换成功');
    expect(await visible(page, '[data-testid="redeem-result-points"]').textContent()).toBe(`已使用 ${item.pointsPrice} 积分`);
    await shot('f4-09-redeem-result');

    // The points were taken once, by one redeem entry.
    expect(await balance()).toBe(before - item.pointsPrice);
    const spent = await api<PointsLedgerPage>('points', 'ledger', { kind: 'spend', pageSize: 20 });
    expect(spent.items.filter((e) => e.kind === 'redeem').map((e) => e.delta)).toEqual([-item.pointsPrice]);

    // 查看订单 → the order; then 我的 → 全部订单 lists it.
    const orders = await api<OrderPage>('order', 'list', { page: 0, pageSize: 10 });
    expect(orders.items).toHaveLength(1);
    const order = orders.items[0]!;
    expect(order).toMatchObject({ source: 'mall', mall: { itemId: item.itemId, pointsPrice: item.pointsPrice, cashPrice: 0 } });
    expect(['PAID', 'READY_FOR_PICKUP', 'COMPLETED']).toContain(order.status);
    await visible(page, '[data-testid="result-order"]').click();
    await until(() => Promise.resolve(page.url()), (url) => url.includes(`/packages/trade/order/index?id=${order._id}`), 'the order page');
    await visible(page, '[data-testid="order-status-label"]').waitFor({ timeout: WAIT_MS });
    // It cost points, not ¥0.00; a coupon has nothing to pick up.
    expect(await visible(page, '[data-testid="order-amounts-points"]').textContent()).toContain(`${item.pointsPrice} 积分`);
    if (order.mall?.kind === 'coupon') await visible(page, '[data-testid="coupon-issued"]').waitFor({ timeout: WAIT_MS });
    await shot('f4-10-order');

    await page.goto(`${session.url}/pages/me/index`);
    await tapText(page, '全部订单 ›');
    const card = visible(page, `[data-testid="order-card-${order._id}"]`);
    await card.waitFor({ timeout: WAIT_MS });
    expect(await card.textContent()).toContain(order.items[0]!.productName);
    expect(await card.textContent()).toContain(`${item.pointsPrice}积分`);
    await shot('f4-11-my-orders');

    // A coupon item puts its coupon in 我的优惠券.
    if (item.kind === 'coupon') {
      const coupons = await api<CouponPage>('coupon', 'list', { status: 'AVAILABLE', page: 0, pageSize: 50 });
      const fromMall = coupons.items.find((c) => c.source === 'mall');
      expect(fromMall).toBeDefined();
      await page.goto(`${session.url}/packages/mall/coupons/index`);
      await visible(page, `[data-testid="coupon-${fromMall!.couponId}"]`).waitFor({ timeout: WAIT_MS });
      await shot('f4-12-my-coupons');
    }

    // Points detail: the redemption is in the ledger.
    const entry = spent.items.find((e) => e.kind === 'redeem')!;
    await page.goto(`${session.url}/packages/member/points/index`);
    const line = visible(page, `[data-testid="points-entry-${entry.id}"]`);
    await line.waitFor({ timeout: WAIT_MS });
    expect(await line.textContent()).toContain(`-${item.pointsPrice}`);
    await shot('f4-13-points-ledger');
  });
});
