import { MEMBER_CODE_PERIOD_MS, memberCodeFor } from '../../src/server/services/member/code';
import { memberCodeSecret } from '../../src/server/services/member/code-secret';
import { memberSeed } from '../../src/server/local/seed/members';
import { promotionSeed } from '../../src/server/local/seed/promotions';
import { startBench, type Bench } from './order-harness';
import { functionCallers } from './function-callers';

const { call, ok } = functionCallers('member', 'points');

describe('member: join, card, birthday gift, tiers', () => {
  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    for (const { _id, ...doc } of memberSeed(bench.clock()).settings) await bench.db.collection('settings').doc(_id).set(doc);
    for (const { _id, ...doc } of promotionSeed(bench.clock()).coupon_templates) await bench.db.collection('coupon_templates').doc(_id).set(doc);
  });
  afterEach(() => bench.close());

  it('a customer who has not joined sees the tiers and the join gift', async () => {
    const card = await ok('member', 'u1', 'card');
    expect(card).toMatchObject({ joined: false, joinGift: { points: 100, couponTemplateId: 'tpl-join-10' } });
    expect(card.tiers.map((t: { name: string }) => t.name)).toEqual(['普通', '银卡', '金卡', '黑金']);
    expect(await call('member', 'u1', 'code')).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });
  });

  it('20 concurrent joins make one member and grant the join gift exactly once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => ok('member', 'u1', 'join', { nickname: `小思${i}`, phone: '13800000000', birthday: '1990-01-20' })),
    );
    expect(answers.filter((a) => a.created)).toHaveLength(1);
    expect(answers.filter((a) => a.gift !== null)).toHaveLength(1);
    const memberIds = new Set(answers.map((a) => a.card.member.memberId));
    expect(memberIds.size).toBe(1);
    for (const answer of answers) expect(answer.card.points.balance).toBe(100);
    expect(await bench.count('members')).toBe(1);
    expect(await bench.count('points_ledger', { openid: 'u1', kind: 'gift' })).toBe(1);
    expect(answers.find((a) => a.created).gift).toEqual({ points: 100, couponTemplateId: 'tpl-join-10', couponIssued: true });
    expect(await bench.count('coupons', { openid: 'u1' })).toBe(1);
    expect(await bench.count('coupons', { openid: 'u1', templateId: 'tpl-join-10', source: 'join' })).toBe(1);
    expect(await ok('points', 'u1', 'balance')).toMatchObject({ balance: 100 });

    const again = await ok('member', 'u1', 'join', { nickname: '换个名字' });
    expect(again).toMatchObject({ created: false, gift: null });
    expect(again.card.member.nickname).toBe(answers.find((a) => a.created).card.member.nickname);
  });

  it('a join gift whose coupon template is missing still gives the points (and says so)', async () => {
    await bench.db.collection('coupon_templates').doc('tpl-join-10').remove();
    const joined = await ok('member', 'u1', 'join', { nickname: '小思' });
    expect(joined.gift).toEqual({ points: 100, couponTemplateId: 'tpl-join-10', couponIssued: false });
    expect(await bench.count('coupons')).toBe(0);
    expect(bench.logs.some((l) => l.level === 'warn' && l.message.includes('gift coupon template missing'))).toBe(true);
  });

  it('the card shows the tier, the progress, the benefits and masks the phone', async () => {
    const joined = await ok('member', 'u1', 'join', { nickname: '小思', phone: '13812345678' });
    expect(joined.gift).toEqual({ points: 100, couponTemplateId: 'tpl-join-10', couponIssued: true });
    const card = await ok('member', 'u1', 'card');
    expect(card).toMatchObject({
      joined: true,
      member: { nickname: '小思', phone: '138****5678', birthday: null, memberId: expect.stringMatching(/^[0-9A-Z]{12}$/) },
      growth: 0,
      tier: { id: 'normal', name: '普通', discountBps: 0 },
      nextTier: { id: 'silver', name: '银卡', minGrowth: 500 },
      progress: { remaining: 500, percent: 0 },
      points: { balance: 100, expiringSoon: null },
      birthdayGift: { inBirthMonth: false, claimedThisYear: false },
    });
    expect(card.tier.benefits).toContain('每日签到领积分');
  });

  it('refuses a birthday in the future, with a field error for a malformed one', async () => {
    expect(await call('member', 'u1', 'join', { nickname: '小思', birthday: '2099-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'BIRTHDAY_INVALID' },
    });
    expect(await call('member', 'u1', 'join', { nickname: '小思', birthday: '1990-02-30' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await call('member', 'u1', 'join', { nickname: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await bench.count('members')).toBe(0);
  });

  it('the birthday gift: only in the birth month, once a year, again the next year', async () => {
    // The bench starts on 2025-01-06 (China time).
    await ok('member', 'u1', 'join', { nickname: '一月', birthday: '1990-01-20' });
    await ok('member', 'u2', 'join', { nickname: '三月', birthday: '1992-03-01' });
    await ok('member', 'u3', 'join', { nickname: '无生日' });

    expect(await call('member', 'u2', 'claimBirthdayGift')).toMatchObject({ ok: false, error: { code: 'NOT_BIRTH_MONTH', details: { month: 3 } } });
    expect(await call('member', 'u3', 'claimBirthdayGift')).toMatchObject({ ok: false, error: { code: 'BIRTHDAY_MISSING' } });
    expect(await call('member', 'u4', 'claimBirthdayGift')).toMatchObject({ ok: false, error: { code: 'NOT_A_MEMBER' } });

    const claims = await Promise.all(Array.from({ length: 5 }, () => ok('member', 'u1', 'claimBirthdayGift')));
    expect(claims.filter((c) => c.granted)).toEqual([{ year: 2025, granted: true, points: 200, couponIssued: false }]);
    expect(await ok('points', 'u1', 'balance')).toMatchObject({ balance: 300 });
    expect(await ok('member', 'u1', 'card')).toMatchObject({ birthdayGift: { inBirthMonth: true, claimedThisYear: true } });

    bench.clock.set(Date.parse('2026-01-02T10:00:00+08:00'));
    expect(await ok('member', 'u1', 'card')).toMatchObject({ birthdayGift: { inBirthMonth: true, claimedThisYear: false } });
    expect(await ok('member', 'u1', 'claimBirthdayGift')).toMatchObject({ year: 2026, granted: true, points: 200 });
    expect(await ok('points', 'u1', 'balance')).toMatchObject({ balance: 500 });
    expect(await bench.count('points_ledger', { openid: 'u1', kind: 'gift' })).toBe(3);
  });

  it('operators set the tiers (validated); customers get FORBIDDEN', async () => {
    const tiers = [
      { id: 'basic', name: '普通', minGrowth: 0, discountBps: 0, pointsMultiplier: 1 },
      { id: 'vip', name: 'VIP', minGrowth: 100, discountBps: 800, pointsMultiplier: 3 },
    ];
    expect(await call('member', 'u1', 'setTiers', { tiers })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await bench.grantOperator('ops-1');
    expect(await call('member', 'ops-1', 'setTiers', { tiers: [{ ...tiers[1], minGrowth: 5 }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    const set = await ok('member', 'ops-1', 'setTiers', { tiers });
    expect(set.tiers.map((t: { id: string }) => t.id)).toEqual(['basic', 'vip']);
    await ok('member', 'u1', 'join', { nickname: '小思' });
    expect(await ok('member', 'u1', 'card')).toMatchObject({ tier: { id: 'basic' }, nextTier: { id: 'vip', minGrowth: 100 } });
  });

  describe('member code', () => {
    const scan = (code: string) => call('member', 'staff-1', 'lookupByCode', { code });
    beforeEach(async () => {
      await bench.db.collection('roles').doc('staff-1').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: 0 });
      await ok('member', 'u1', 'join', { nickname: '小思', phone: '13812345678' });
      await ok('member', 'u2', 'join', { nickname: '小域' });
    });

    it('staff resolve the current code to a summary; the previous window still works; two windows ago does not', async () => {
      const shown = await ok('member', 'u1', 'code');
      expect(shown).toMatchObject({ periodMs: MEMBER_CODE_PERIOD_MS, code: expect.stringMatching(/^M1\./) });
      expect(shown.expiresAt).toBeGreaterThan(bench.clock());
      expect(shown.expiresAt - bench.clock()).toBeLessThanOrEqual(MEMBER_CODE_PERIOD_MS);

      const summary = await scan(shown.code);
      expect(summary).toEqual({
        ok: true,
        data: { memberId: shown.memberId, nickname: '小思', tier: { id: 'normal', name: '普通', discountBps: 0 }, points: 100, growth: 0 },
      });
      expect(JSON.stringify(summary)).not.toContain('1381234');

      bench.clock.set(shown.expiresAt);
      expect(await scan(shown.code)).toMatchObject({ ok: true });
      bench.clock.set(shown.expiresAt + MEMBER_CODE_PERIOD_MS - 1);
      expect(await scan(shown.code)).toMatchObject({ ok: true });
      bench.clock.set(shown.expiresAt + MEMBER_CODE_PERIOD_MS);
      expect(await scan(shown.code)).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_INVALID' } });
      const fresh = await ok('member', 'u1', 'code');
      expect(fresh.code).not.toBe(shown.code);
      expect(await scan(fresh.code)).toMatchObject({ ok: true, data: { nickname: '小思' } });
    });

    it('tampered codes, codes of another secret and unknown members are refused; customers cannot scan', async () => {
      const mine = await ok('member', 'u1', 'code');
      const theirs = await ok('member', 'u2', 'code');
      const [v, , w, mac] = mine.code.split('.');
      expect(await scan([v, theirs.memberId, w, mac].join('.'))).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_INVALID' } });
      expect(await scan(theirs.code)).toMatchObject({ ok: true, data: { nickname: '小域' } });
      const forged = memberCodeFor('not-the-secret-0123456789', mine.memberId, bench.clock());
      expect(await scan(forged.code)).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_INVALID' } });
      const secret = await memberCodeSecret(bench.db, bench.clock(), {});
      const ghost = memberCodeFor(secret, 'NOSUCHMEMBER', bench.clock());
      expect(await scan(ghost.code)).toMatchObject({ ok: false, error: { code: 'MEMBER_CODE_INVALID' } });
      expect(await call('member', 'u2', 'lookupByCode', { code: mine.code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });

    it('the secret is created once in the database and reused', async () => {
      await Promise.all(Array.from({ length: 5 }, (_, i) => ok('member', i % 2 ? 'u1' : 'u2', 'code')));
      const { data } = await bench.db.collection('settings').doc('member_code_secret').get();
      expect(data[0]?.secret).toEqual(expect.any(String));
      expect(await memberCodeSecret(bench.db, 0, {})).toBe(data[0]?.secret);
      expect(await memberCodeSecret(bench.db, 0, { SIYU_MEMBER_CODE_SECRET: 'from-the-environment-123' })).toBe('from-the-environment-123');
    });
  });
});
