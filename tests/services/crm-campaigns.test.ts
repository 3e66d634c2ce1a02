/**
 * Segments, campaigns and their measurement (services/crm): a segment's
 * count equals the filter applied in memory (core/crm/filter); a campaign
 * run by two concurrent timers grants once per target member and nothing
 * to holdout members, with the arm fixed by hash(campaign, openid); results
 * follow the orders paid in each member's window.
 */
import { matchesFilter, type MemberFilter } from '../../src/core/crm/filter';
import { armOf } from '../../src/core/crm/holdout';
import type { MemberProfileDoc } from '../../src/core/crm/profile';
import { startCrmBench, type CrmBench } from './crm-harness';

const DAY = 86_400_000;

describe('crm segments and campaigns', () => {
  let bench: CrmBench;
  const members = Array.from({ length: 40 }, (_, i) => `cp-${String(i).padStart(2, '0')}`);
  let templateId: string;

  beforeEach(async () => {
    bench = await startCrmBench();
    for (const [i, m] of members.entries()) {
      await bench.join(m, `会员${i}`, i % 4 === 0 ? { birthday: '1990-01-15' } : {});
      if (i % 3 !== 0) await bench.buy(m, i % 2 ? 'sku-cake' : 'sku-tea', 1 + (i % 4));
    }
    const saved = await bench.coupon('ops-1', 'saveTemplate', {
      title: '回馈券',
      rule: { kind: 'amount', amountOff: 500, threshold: 1000 },
      validity: { type: 'relative', days: 7 },
      totalQuantity: null,
      perMemberLimit: 1,
      claimable: false,
      inStoreOnly: false,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    templateId = saved.data.templateId;
  });
  afterEach(() => bench.close());

  const allProfiles = async (): Promise<MemberProfileDoc[]> => (await bench.db.collection<MemberProfileDoc>('crm_profiles').limit(1000).get()).data;

  it('segment counts and previews equal the filter applied to every profile', async () => {
    await bench.crmOk('tag', { openids: members.slice(0, 10), add: ['VIP'] });
    const filters: MemberFilter[] = [
      {},
      { rfmClasses: ['重要发展'] },
      { lifecycles: ['导入期'] },
      { spendFen: { min: 20_000 } },
      { spendFen: { min: 4_000, max: 30_000 } },
      { orders: { min: 1 } },
      { lastPaidDays: { max: 0 } },
      { tags: ['VIP'] },
      { tags: ['VIP'], spendFen: { min: 1 } },
      { category: { categoryId: 'cat-snack', minOrders: 1 } },
      { birthdayThisMonth: true },
      { q: '会员1' },
      { aovFen: { min: 10_000 } },
      { channels: ['direct'], tiers: ['normal'] },
    ];
    const profiles = await allProfiles();
    for (const filter of filters) {
      const expected = profiles.filter((p) => matchesFilter(p, filter, bench.clock())).length;
      const preview = await bench.crmOk('previewSegment', { filter });
      expect({ filter, count: preview.count }).toEqual({ filter, count: expected });
      expect(preview.sample.length).toBe(Math.min(5, expected));
    }
    const saved = await bench.crmOk('saveSegment', { name: '高消费', filter: { spendFen: { min: 20_000 } } });
    expect(saved.count).toBe(profiles.filter((p) => p.netFen >= 20_000).length);
    expect((await bench.crmOk('segments')).map((s: { name: string }) => s.name)).toEqual(['高消费']);
    expect(await bench.crm('previewSegment', { filter: { spendFen: { min: 5, max: 1 } } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('the member list pages by cursor through every match once, in sort order, with the total', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let total = 0;
    do {
      const page: any = await bench.crmOk('members', { sort: 'spend', pageSize: 7, cursor });
      total = page.total;
      seen.push(...page.items.map((i: { openid: string }) => i.openid));
      cursor = page.nextCursor;
    } while (cursor);
    expect(total).toBe(members.length);
    expect(new Set(seen).size).toBe(members.length);
    const spend = new Map((await allProfiles()).map((p) => [p.openid, p.netFen]));
    const values = seen.map((id) => spend.get(id)!);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(await bench.crm('members', { cursor: 'not a cursor' })).toMatchObject({ ok: false, error: { code: 'CURSOR_INVALID' } });
  });

  it('a campaign delivered by two concurrent timers grants once per target member and nothing to the holdout; results and uplift follow the window', async () => {
    const { segmentId } = await bench.crmOk('saveSegment', { name: '全部', filter: {} });
    // Half the members accepted campaign notices; one accepted twice.
    for (const m of members.slice(0, 20)) await bench.notify(m, 'subscribe', { results: { campaignNotice: 'accept' } });
    const { campaignId } = await bench.crmOk('createCampaign', {
      name: '老客回馈',
      segmentId,
      incentive: { type: 'coupon', templateId },
      message: { note: '送你一张 5 元券', page: 'packages/mall/coupons/index' },
      holdoutPct: 25,
      startAt: bench.clock(),
      requestId: 'campaign-req-1',
    });
    // A retry with the same requestId is the same campaign; other input under it is refused.
    expect(await bench.crmOk('createCampaign', { name: '老客回馈', segmentId, incentive: { type: 'coupon', templateId }, message: { note: '送你一张 5 元券', page: 'packages/mall/coupons/index' }, holdoutPct: 25, startAt: bench.clock(), requestId: 'campaign-req-1' })).toEqual({ campaignId });
    expect(await bench.crm('createCampaign', { name: '别的', segmentId, incentive: { type: 'none' }, holdoutPct: 25, startAt: bench.clock(), requestId: 'campaign-req-1' })).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });

    await Promise.all([bench.tick(), bench.tick(), bench.tick()]);
    await bench.tick();
    const view = await bench.crmOk('campaign', { campaignId });
    const holdout = members.filter((m) => armOf(campaignId, m, 25) === 'holdout');
    const target = members.filter((m) => !holdout.includes(m));
    expect(holdout.length).toBeGreaterThan(0);
    expect(view).toMatchObject({ state: 'DELIVERED', members: members.length, target: target.length, holdout: holdout.length, granted: target.length });
    const subscribedTargets = target.filter((m) => members.indexOf(m) < 20).length;
    expect(view.messaged).toBe(subscribedTargets);
    expect(view.skippedNoQuota).toBe(target.length - subscribedTargets);
    // Exactly one coupon per target member, none for the holdout.
    const coupons = (await bench.db.collection<{ openid: string; campaignId?: string }>('coupons').where({ templateId }).limit(1000).get()).data;
    expect(coupons.map((c) => c.openid).sort()).toEqual([...target].sort());
    expect(coupons.every((c) => c.campaignId === campaignId)).toBe(true);
    expect(await bench.count('notify_outbox', { template: 'campaignNotice' })).toBe(subscribedTargets);
    // Each delivery's arm is the hash's, and a later tick moves no one.
    const deliveries = (await bench.db.collection<{ openid: string; arm: string }>('crm_deliveries').limit(1000).get()).data;
    expect(deliveries).toHaveLength(members.length);
    for (const d of deliveries) expect(d.arm).toBe(armOf(campaignId, d.openid, 25));

    // Orders in the window: two targets with the coupon, one holdout member.
    const targetCoupon = async (m: string) => coupons.find((c) => c.openid === m) as unknown as { _id: string };
    bench.clock.advance(DAY);
    await bench.buy(target[0], 'sku-tea', 2, { couponId: (await targetCoupon(target[0]))._id });
    await bench.buy(target[0], 'sku-tea', 1, { couponId: null });
    await bench.buy(target[1], 'sku-cake', 1, { couponId: (await targetCoupon(target[1]))._id });
    await bench.buy(holdout[0], 'sku-tea', 1);
    // A member whose first order uses the campaign's coupon was acquired by the campaign.
    const newcomer = target.find((m) => members.indexOf(m) % 3 === 0 && m !== target[0] && m !== target[1])!;
    await bench.buy(newcomer, 'sku-tea', 1, { couponId: (await targetCoupon(newcomer))._id });
    expect(await bench.profile(newcomer)).toMatchObject({ channel: 'campaign', netOrders: 1 });
    // After the window nothing counts.
    bench.clock.advance(20 * DAY);
    await bench.buy(target[2], 'sku-tea', 1);
    const measured = await bench.crmOk('campaign', { campaignId });
    expect(measured.results.target).toMatchObject({ members: target.length, converted: 3, couponsRedeemed: 3, gmvFen: 3_500 + 2_000 + 14_500 + 1_500 });
    expect(measured.results.holdout).toMatchObject({ members: holdout.length, converted: 1, gmvFen: 2_000 });
    expect(['显著提升', '无显著差异', '显著下降']).toContain(measured.results.verdict);
    expect(measured.results.ci95.conversion[0]).toBeLessThanOrEqual(measured.results.uplift.conversion);
    expect(measured.results.daily.at(-1)).toMatchObject({ target: { converted: 3 }, holdout: { converted: 1 } });
    // The profile lists the campaign and its timeline shows it.
    const profile = await bench.crmOk('member', { openid: target[0] });
    expect(profile.campaigns).toEqual([expect.objectContaining({ campaignId, arm: 'target', granted: true })]);
    expect(profile.timeline.some((e: { kind: string }) => e.kind === 'campaign')).toBe(true);
  });

  it('the 7-day message cap and pause, resume and cancel', async () => {
    await bench.crmOk('saveSettings', { settings: { ...(await bench.crmOk('settings')), campaign: { messagesPer7Days: 1, windowDays: 14, defaultHoldoutPct: 10 } } });
    const { segmentId } = await bench.crmOk('saveSegment', { name: '前十', filter: { q: '会员1' } });
    for (const m of members) await bench.notify(m, 'subscribe', { results: { campaignNotice: 'accept' } });
    for (const m of members) await bench.notify(m, 'subscribe', { results: { campaignNotice: 'accept' } });
    const launch = async (name: string) =>
      (await bench.crmOk('createCampaign', { name, segmentId, incentive: { type: 'points', points: 50 }, message: { note: '积分到账', page: 'pages/home/index' }, holdoutPct: 0, startAt: bench.clock() })).campaignId as string;
    const first = await launch('第一波');
    await bench.tick();
    const second = await launch('第二波');
    await bench.tick();
    const a = await bench.crmOk('campaign', { campaignId: first });
    const b = await bench.crmOk('campaign', { campaignId: second });
    expect(a.messaged).toBe(a.target);
    expect(b).toMatchObject({ messaged: 0, skippedCap: b.target, granted: b.target });

    const third = await launch('第三波');
    expect(await bench.crmOk('pauseCampaign', { campaignId: third })).toMatchObject({ state: 'PAUSED' });
    await bench.tick();
    expect(await bench.crmOk('campaign', { campaignId: third })).toMatchObject({ state: 'PAUSED', members: 0 });
    expect(await bench.crmOk('resumeCampaign', { campaignId: third })).toMatchObject({ state: 'RUNNING' });
    expect(await bench.crmOk('cancelCampaign', { campaignId: third })).toMatchObject({ state: 'CANCELLED' });
    await bench.tick();
    expect(await bench.crmOk('campaign', { campaignId: third })).toMatchObject({ state: 'CANCELLED', members: 0 });
    expect(await bench.crm('resumeCampaign', { campaignId: third })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_STATE_INVALID' } });
    expect(await bench.crm('pauseCampaign', { campaignId: first })).toMatchObject({ ok: false, error: { code: 'CAMPAIGN_STATE_INVALID' } });
  });

  it('tags: manual on members and in bulk to a segment, rule tags after the re-score, listed with counts', async () => {
    await bench.crmOk('tag', { openids: [members[1], members[2], 'nobody'], add: ['老客'] });
    expect(await bench.crmOk('tag', { openids: [members[1]], add: ['老客'] })).toEqual({ updated: 0, missing: [] });
    const { segmentId } = await bench.crmOk('saveSegment', { name: '大额', filter: { spendFen: { min: 30_000 } } });
    let result = await bench.crmOk('tagSegment', { segmentId, tag: '大客户' });
    while (!result.done) result = await bench.crmOk('tagSegment', { segmentId, tag: '大客户', cursor: result.cursor });
    await bench.crmOk('saveTag', { name: '买过点心', rule: { category: { categoryId: 'cat-snack', minOrders: 1 } } });
    bench.clock.advance(1_000);
    for (let i = 0; i < 5; i += 1) await bench.tick();
    const profiles = await allProfiles();
    const tags = new Map((await bench.crmOk('tags')).map((t: { name: string; count: number; kind: string }) => [t.name, t]));
    expect(tags.get('老客')).toMatchObject({ kind: 'manual', count: 2 });
    expect(tags.get('大客户')).toMatchObject({ count: profiles.filter((p) => p.netFen >= 30_000).length });
    expect(tags.get('买过点心')).toMatchObject({ kind: 'rule', count: profiles.filter((p) => (p.stats.categoryOrders['cat-snack'] ?? 0) >= 1).length });
    expect((tags.get('买过点心') as { count: number }).count).toBeGreaterThan(0);
    expect(await bench.crm('tag', { openids: [members[0]], add: ['买过点心'] })).toMatchObject({ ok: false, error: { code: 'TAG_KIND_CONFLICT' } });
    // A rule tag follows the next payment at once.
    const nonBuyer = members.find((m, i) => i % 3 === 0)!;
    await bench.buy(nonBuyer, 'sku-cake', 1);
    expect((await bench.profile(nonBuyer))?.tags).toContain('买过点心');
  });

  it('concurrent tagging, payments and re-scores leave tags and segment counts equal to a recomputation', async () => {
    await bench.crmOk('saveTag', { name: '高客单', rule: { aovFen: { min: 12_000 } } });
    const ops: Array<Promise<unknown>> = [];
    for (let i = 0; i < 10; i += 1) {
      ops.push(bench.crmOk('tag', { openids: members.slice(i, i + 15), add: [`T${i % 3}`], remove: [`T${(i + 1) % 3}`] }));
      ops.push(bench.buy(members[i * 3], i % 2 ? 'sku-cake' : 'sku-tea', 1));
      ops.push(bench.tick());
    }
    await Promise.all(ops);
    bench.clock.advance(86_400_000);
    for (let i = 0; i < 4; i += 1) await bench.tick();
    const profiles = await allProfiles();
    for (const p of profiles) {
      expect(p.tags).toEqual([...new Set([...p.manualTags, ...(p.aovFen >= 12_000 ? ['高客单'] : [])])].sort());
    }
    for (const filter of [{ tags: ['T0'] }, { tags: ['T1', '高客单'] }, { tags: ['高客单'], lifecycles: ['导入期' as const] }]) {
      const expected = profiles.filter((p) => matchesFilter(p, filter, bench.clock())).length;
      expect((await bench.crmOk('previewSegment', { filter })).count).toBe(expected);
    }
  });

  it('journeys fire once per occurrence: entering 休眠期, birthday month, no second order, idle cart', async () => {
    const journey = async (name: string, trigger: object) =>
      (await bench.crmOk('saveJourney', { name, trigger, incentive: { type: 'points', points: 10 }, holdoutPct: 0, active: true })).campaignId as string;
    const dormant = await journey('唤醒', { type: 'lifecycle', stage: '休眠期' });
    const noSecond = await journey('复购', { type: 'noSecondOrder', days: 7 });
    const birthday = await journey('生日', { type: 'birthdayMonth' });
    const cart = await journey('购物车', { type: 'idleCart', hours: 24 });
    await bench.ok('cart', members[5], 'add', { skuId: 'sku-tea', quantity: 1, requestId: 'cart-add-0001' });
    bench.clock.advance(61 * DAY);
    await Promise.all([bench.tick(), bench.tick()]);
    for (let i = 0; i < 3; i += 1) await bench.tick();
    const profiles = await allProfiles();
    const count = async (campaignId: string) => bench.count('crm_deliveries', { campaignId });
    expect(await count(dormant)).toBe(profiles.filter((p) => p.lifecycle === '休眠期').length);
    expect(await count(dormant)).toBeGreaterThan(0);
    expect(await count(noSecond)).toBe(profiles.filter((p) => p.netOrders === 1).length);
    expect(await count(cart)).toBe(1);
    const birthMonth = new Date(bench.clock() + 8 * 3_600_000).getUTCMonth() + 1;
    expect(await count(birthday)).toBe(profiles.filter((p) => p.birthMonth === birthMonth).length);
    // Another day: nothing fires twice for the same occurrence.
    const before = await bench.count('crm_deliveries');
    bench.clock.advance(DAY);
    for (let i = 0; i < 3; i += 1) await bench.tick();
    expect(await bench.count('crm_deliveries')).toBe(before);
    const list = await bench.crmOk('campaigns', { kind: 'journey' });
    expect(list).toHaveLength(4);
  });
});
