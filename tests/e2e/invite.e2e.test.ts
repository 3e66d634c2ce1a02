/**
 * Issue 13, part 1 (老带新) in the H5 build against the local cloud: the
 * operator sets the rewards (积分 for the inviter, a coupon for the friend);
 * member A opens 邀请有礼 and shares the link; B opens it in H5, is bound to A
 * (landing page), joins on the 会员 tab and pays a pickup order (sandbox);
 * the store's staff verify the 取货码, which completes the order; A's page
 * shows the friend (masked) with 奖励已发放 and the points, B's points
 * ledger and coupons show theirs. Then share attribution: C opens A's
 * product card (sharer=) and buys it; the operator's 分享成交 shows A.
 */
import type { Page } from 'playwright-core';
import type { InviteCodeView, InvitesView, ShareStatsView } from '../../src/core/contracts/growth';
import type { OrderView } from '../../src/core/contracts/order';
import type { OpsTemplatePage } from '../../src/core/contracts/coupon';
import { useH5Session } from './support/h5-session';
import { checkoutForPickup, checkoutReady, tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const RUN = Date.now().toString(36);
const A = `e2e-inviter-${RUN}`;
const B = `e2e-friend-${RUN}`;
const C = `e2e-shopper-${RUN}`;
const OPERATOR = 'demo-operator';
const STAFF = 'demo-staff';

/** In the page (jsQR loaded there): the text of the QR in an image. */
async function decodeInPage(page: Page, imageUrl: string): Promise<string | null> {
  return page.evaluate(async (url) => {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
    const found = (window as unknown as { jsQR: (d: Uint8ClampedArray, w: number, h: number) => { data: string } | null }).jsQR(pixels.data, canvas.width, canvas.height);
    return found ? found.data : null;
  }, imageUrl);
}

describe('invites: A invites B, B joins and pays, the order completes, both get their rewards', () => {
  const session = useH5Session('invite');
  const { api, shot, phoneOf } = session;
  let couponTitle = '';

  const statusLabel = (page: Page) => visible(page, '[data-testid="order-status-label"]').textContent().catch(() => null);

  /** 提交订单 → (允许 the notification consent, if asked) → 确认支付 → 支付成功 → 查看订单. */
  const submitAndPay = async (page: Page) => {
    await checkoutReady(page);
    await tapText(page, '提交订单');
    const consent = visible(page, 'text=允许');
    const payConfirm = visible(page, '[data-testid="pay-confirm"]');
    const seen = await Promise.race([
      consent.waitFor({ timeout: WAIT_MS }).then(() => 'consent', () => 'none'),
      payConfirm.waitFor({ timeout: WAIT_MS }).then(() => 'pay', () => 'none'),
    ]);
    if (seen === 'consent') await consent.click();
    await payConfirm.click();
    await visible(page, '[data-testid="pay-result-pickup"]').waitFor({ timeout: WAIT_MS });
    await visible(page, '[data-testid="pay-result-order"]').click();
  };

  it('the operator sets the rewards: 300 积分 for the inviter, a coupon for the friend', async () => {
    const templates = await api<OpsTemplatePage>(OPERATOR, 'coupon', 'listTemplates', { page: 0, pageSize: 50 });
    // Not the join gift's template: the friend's coupon must be told apart from the one joining gives.
    const template = templates.items.find((t) => t.status === 'ACTIVE' && !t.title.includes('开卡'));
    expect(template).toBeDefined();
    couponTitle = template!.title;

    const ops = await phoneOf(OPERATOR);
    await ops.goto(`${session.url}/packages/ops/index/index`);
    await tapText(ops, '邀请有礼');
    await visible(ops, '[data-testid="invite-settings-inviter"]').waitFor({ timeout: WAIT_MS });
    await visible(ops, '#invite-inviterPoints input').fill('300');
    await visible(ops, `[data-testid="invite-invitee-coupon-${template!.templateId}"]`).click();
    await shot(ops, 'g13-01-ops-invite-settings');
    await visible(ops, '[data-testid="invite-settings-save"]').click();
    await waitForText(ops, '已保存');
    const saved = await api<{ inviter: { points: number }; invitee: { couponTemplateId: string | null } }>(OPERATOR, 'growth', 'settings', {});
    expect(saved).toMatchObject({ inviter: { points: 300 }, invitee: { couponTemplateId: template!.templateId } });
  });

  it('A shares the invite; B opens it, is bound, joins, pays; staff verify the pickup; both see their rewards', async () => {
    await api(A, 'member', 'join', { nickname: '张小花' });
    const inviter = await phoneOf(A);
    await inviter.goto(`${session.url}/pages/me/index`);
    await visible(inviter, '[data-testid="me-entry-invite"]').scrollIntoViewIfNeeded();
    await shot(inviter, 'g13-00-me-entry');
    await visible(inviter, '[data-testid="me-entry-invite"]').click();
    const code = (await visible(inviter, '[data-testid="invite-code"]').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(await visible(inviter, '[data-testid="invite-rule-inviter"]').textContent()).toBe('300 积分');
    expect(await visible(inviter, '[data-testid="invite-rule-invitee"]').textContent()).toContain(couponTitle);
    await visible(inviter, '[data-testid="invite-qr-svg"]').waitFor({ timeout: WAIT_MS });
    // The QR on the page reads back the invite link.
    await inviter.addScriptTag({ path: require.resolve('jsqr/dist/jsQR.js') });
    const qrPng = await visible(inviter, '[data-testid="invite-qr"]').screenshot();
    expect(await decodeInPage(inviter, `data:image/png;base64,${qrPng.toString('base64')}`)).toBe(`${session.url}/packages/growth/landing/index?invite=${code}`);
    await waitForText(inviter, '还没有好友接受邀请，分享给好友试试吧');
    await shot(inviter, 'g13-02-invite-empty');
    await visible(inviter, '[data-testid="invite-share"]').click();
    const link = (await visible(inviter, '[data-testid="share-link"]').textContent())?.trim() ?? '';
    expect(link).toBe(`${session.url}/packages/growth/landing/index?invite=${code}`);
    await shot(inviter, 'g13-03-invite-share-sheet');
    expect((await api<InviteCodeView>(A, 'growth', 'inviteCode', {})).path).toBe(`/packages/growth/landing/index?invite=${code}`);

    // B opens the link (a new customer, signed in as B on first call).
    const friend = await phoneOf(B);
    await friend.goto(link);
    await until(() => visible(friend, '[data-testid="invite-landing-title"]').textContent(), (t) => t === '你已接受 张** 的邀请', 'the binding');
    await shot(friend, 'g13-04-landing-bound');
    const listed = await api<InvitesView>(A, 'growth', 'invites', {});
    expect(listed.items).toEqual([expect.objectContaining({ invitee: '新朋友（未开卡）', state: 'bound' })]);

    // 开通会员领礼 → the member tab's join form.
    await visible(friend, '[data-testid="invite-landing-join"]').click();
    await visible(friend, '[data-testid="join-card"]').waitFor({ timeout: WAIT_MS });
    await visible(friend, '#join-nickname input').fill('王小明');
    await visible(friend, '[data-testid="join-submit"]').click();
    await visible(friend, '[data-testid="points-balance"]').waitFor({ timeout: WAIT_MS });
    const pointsBefore = await pointsOf(B);

    // B buys for pickup and pays in the sandbox.
    await checkoutForPickup(friend, session.url);
    await submitAndPay(friend);
    await until(() => statusLabel(friend), (t) => t === '待自提', 'the order page to show 待自提');
    const orderId = new URL(friend.url()).searchParams.get('id')!;
    const order = await api<OrderView>(B, 'order', 'get', { orderId });
    expect(order.fulfillment).toMatchObject({ type: 'pickup', storeId: 'store-demo' });
    const pickupCode = order.fulfillment.type === 'pickup' ? order.fulfillment.pickupCode! : '';
    await until(() => api<InvitesView>(A, 'growth', 'invites', {}), (v) => v.items[0]?.state === 'ordered', 'the first order on the binding');

    // The store's staff verify the 取货码: the order completes, and the reward is given in that transaction.
    const staff = await phoneOf(STAFF);
    await staff.goto(`${session.url}/packages/staff/scan/index`);
    await visible(staff, '[data-testid="staff-code-input"] input').fill(pickupCode);
    await visible(staff, '[data-testid="staff-code-submit"]').click();
    await visible(staff, '[data-testid="staff-verify-pickup"]').click();
    await waitForText(staff, '核销成功，请将商品交给顾客');

    // A sees the friend, masked, with the reward given.
    await inviter.goto(`${session.url}/packages/growth/invite/index`);
    await until(() => visible(inviter, '[data-testid="invite-row"]').textContent(), (t) => t !== null && t.includes('奖励已发放'), 'the reward on A’s page');
    const row = (await visible(inviter, '[data-testid="invite-row"]').textContent()) ?? '';
    expect(row).toContain('王**');
    expect(row).toContain('300 积分');
    expect(row).not.toContain(B);
    expect(await visible(inviter, '[data-testid="invite-totals"]').textContent()).toContain('300');
    await shot(inviter, 'g13-05-invite-rewarded');
    expect(await pointsOf(A)).toBeGreaterThanOrEqual(300);

    // B: the coupon is among 我的券; the order's points arrived, and nothing for B came as points (the friend's reward is the coupon).
    await friend.goto(`${session.url}/packages/mall/coupons/index`);
    await waitForText(friend, couponTitle);
    const coupons = await api<{ items: Array<{ title: string }> }>(B, 'coupon', 'list', { status: 'AVAILABLE' });
    expect(coupons.items.filter((c) => c.title === couponTitle)).toHaveLength(1);
    await shot(friend, 'g13-06-friend-coupon');
    expect(await pointsOf(B)).toBeGreaterThanOrEqual(pointsBefore);

    // A's points ledger shows the invite reward.
    await inviter.goto(`${session.url}/packages/member/points/index`);
    await waitForText(inviter, '邀请好友奖励');
    await shot(inviter, 'g13-07-inviter-points');
  });

  it('share attribution: C opens A’s product card (sharer=), buys it; 分享成交 shows A', async () => {
    const { code } = await api<{ code: string }>(A, 'growth', 'shareCode', {});
    const shopper = await phoneOf(C);
    await shopper.goto(`${session.url}/pages/product/index?id=p-tea-oolong&sharer=${code}`);
    await until(() => api<ShareStatsView>(OPERATOR, 'growth', 'shareStats', {}), (v) => v.rows.some((r) => r.nickname === '张小花' && r.byKind.product === 1), 'the open');
    const skus = await api<{ skus: Array<{ _id: string; soldOut: boolean }> }>(C, 'catalog', 'productDetail', { productId: 'p-tea-oolong' });
    const sku = skus.skus.find((s) => !s.soldOut)!;
    const order = await api<OrderView>(C, 'order', 'create', { items: [{ skuId: sku._id, quantity: 1 }], fulfillment: { type: 'pickup', storeId: 'store-demo' }, requestId: `e2e-share-${RUN}` });
    await api(C, 'order', 'pay', { orderId: order._id });
    await payInSandbox(C, order._id);
    const stats = await until(
      () => api<ShareStatsView>(OPERATOR, 'growth', 'shareStats', {}),
      (v) => v.rows.some((r) => r.nickname === '张小花' && r.orders === 1),
      'the order on the sharer',
    );
    // B's open of the invite link and C's of the product card.
    expect(stats.rows.find((r) => r.nickname === '张小花')).toMatchObject({ opens: 2, byKind: { invite: 1, product: 1 }, orders: 1, gmvFen: order.amounts.payable });

    const ops = await phoneOf(OPERATOR);
    await ops.goto(`${session.url}/packages/ops/shares/index`);
    await visible(ops, '[data-testid="share-row"]').waitFor({ timeout: WAIT_MS });
    expect(await visible(ops, '[data-testid="share-stats"]').textContent()).toContain('张小花');
    await shot(ops, 'g13-08-ops-shares');
  });

  const pointsOf = async (openid: string): Promise<number> => (await api<{ balance: number }>(openid, 'points', 'balance', {})).balance;
  /** The sandbox settles the payment and delivers the notification (POST /api/dev/pay/<orderId> as the owner). */
  const payInSandbox = async (openid: string, orderId: string): Promise<void> => {
    const login = await fetch(`${session.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid }) });
    const { token } = (await login.json()) as { token: string };
    const res = await fetch(`${session.url}/api/dev/pay/${encodeURIComponent(orderId)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ result: 'SUCCESS' }),
    });
    expect(res.status).toBe(200);
  };
});
