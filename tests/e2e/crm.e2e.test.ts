/**
 * Issue 11 in the H5 build against the local cloud: the operator finds
 * members by name in 会员, saves them as a segment (live count), launches a
 * coupon campaign with a 10 % holdout; the timer delivers it; a targeted
 * customer finds the coupon in 我的优惠券 and the 活动通知 in 服务通知; the
 * campaign page shows the counts.
 */
import type { Page } from 'playwright-core';
import type { CampaignView, MemberProfileView } from '../../src/core/contracts/crm';
import { useH5Session } from './support/h5-session';
import { fillField, until, visible, waitForText, WAIT_MS } from './support/shop';

const OPERATOR = 'demo-operator';
const CUSTOMERS = Array.from({ length: 8 }, (_, i) => `e2e-crm-${i}`);

describe('CRM: segment → campaign with a holdout → the customer sees it', () => {
  const session = useH5Session('crm');
  const { api, shot, phoneOf } = session;

  beforeAll(async () => {
    for (const [i, openid] of CUSTOMERS.entries()) {
      await api(openid, 'member', 'join', { nickname: `活动客${i + 1}` });
      // They allowed 活动通知 once (the points page asks for it).
      await api(openid, 'notify', 'subscribe', { results: { campaignNotice: 'accept' } });
    }
  });

  let campaignId = '';

  it('the operator filters members, saves the segment and launches a coupon campaign with a 10 % holdout', async () => {
    const ops = await phoneOf(OPERATOR);
    await ops.goto(`${session.url}/packages/ops/members/index`);
    await fillField(ops, 'members-search', '活动客');
    await visible(ops, '[data-testid="members-search-go"]').click();
    await until(() => visible(ops, '[data-testid="members-total"]').textContent(), (t) => /\b8\b/.test(t ?? ''), 'the member list to count 8');
    await shot(ops, 'crm-01-members');
    await visible(ops, '[data-testid="members-save-segment"]').click();
    await fillField(ops, 'segment-name', '活动客分群');
    await until(() => visible(ops, '[data-testid="segment-preview-count"]').textContent(), (t) => /\b8\b/.test(t ?? ''), 'the live count of 8');
    await shot(ops, 'crm-02-segment');
    await visible(ops, '[data-testid="segment-save"]').click();
    await until(() => api<Array<{ name: string }>>(OPERATOR, 'crm', 'segments', {}), (list) => list.some((s) => s.name === '活动客分群'), 'the segment saved');

    await ops.goto(`${session.url}/packages/ops/campaign-form/index`);
    await fillField(ops, 'campaign-name', '老客回馈');
    await (await waitForText(ops, /活动客分群（8人）/)).click();
    await visible(ops, '[data-testid="incentive-coupon"]').click();
    await visible(ops, '[data-testid^="template-"]').first().click();
    await visible(ops, '[data-testid="message-yes"]').click();
    await fillField(ops, 'offer-note', '送你一张优惠券');
    await shot(ops, 'crm-03-campaign-form');
    await visible(ops, '[data-testid="campaign-submit"]').click();
    await visible(ops, '[data-testid="campaign-page"]').waitFor({ timeout: WAIT_MS });
    campaignId = new URL(ops.url()).searchParams.get('id') ?? '';
    expect(campaignId).not.toBe('');

    // The timer delivers it, then the notify worker sends the messages.
    expect((await session.cloud.fireTimer('crm', 'tick')).ok).toBe(true);
    expect((await session.cloud.fireTimer('notify', 'deliver')).ok).toBe(true);
    const view = await api<CampaignView>(OPERATOR, 'crm', 'campaign', { campaignId });
    expect(view).toMatchObject({ state: 'DELIVERED', members: 8, holdoutPct: 10 });
    expect(view.target + view.holdout).toBe(8);
    expect(view.granted).toBe(view.target);
    expect(view.messaged).toBe(view.target);

    await ops.reload();
    await until(() => visible(ops, '[data-testid="campaign-counts"]').textContent(), (t) => (t ?? '').includes(String(view.target)) && (t ?? '').includes('8'), 'the campaign counts');
    await visible(ops, '[data-testid="campaign-results"]').waitFor({ timeout: WAIT_MS });
    await shot(ops, 'crm-04-campaign');
  });

  it('a targeted customer sees the coupon in 我的优惠券 and the message in 服务通知', async () => {
    const arms = await Promise.all(CUSTOMERS.map(async (openid) => ({ openid, view: await api<MemberProfileView>(OPERATOR, 'crm', 'member', { openid }) })));
    const targeted = arms.find((a) => a.view.campaigns.some((c) => c.campaignId === campaignId && c.arm === 'target'));
    expect(targeted).toBeDefined();
    const customer = await phoneOf(targeted!.openid);
    await customer.goto(`${session.url}/packages/notify/inbox/index`);
    await waitForText(customer, '活动通知');
    await waitForText(customer, '老客回馈');
    await shot(customer, 'crm-05-inbox');
    await customer.goto(`${session.url}/packages/mall/coupons/index`);
    await visible(customer, '[data-testid^="coupon-"]').first().waitFor({ timeout: WAIT_MS });
    const granted = targeted!.view.coupons.find((c) => c.couponId.startsWith('grant:'));
    expect(granted).toBeDefined();
    await visible(customer, `[data-testid="coupon-${granted!.couponId}"]`).waitFor({ timeout: WAIT_MS });
    await shot(customer, 'crm-06-coupons');
    // A holdout member got nothing.
    const holdout = arms.find((a) => a.view.campaigns.some((c) => c.campaignId === campaignId && c.arm === 'holdout'));
    if (holdout) expect(holdout.view.coupons.filter((c) => c.couponId.startsWith('grant:'))).toHaveLength(0);
  });
});
