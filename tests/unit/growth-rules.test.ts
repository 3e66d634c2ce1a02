import { inviteCodeFromBytes, invitePath, inviteScene, isInviteCode, maskNickname, normaliseInviteCode } from '../../src/core/growth/code';
import { countsAsFirstOrder, DAY_MS, inviteRewardId, rewardDueAt, sweepDecision, underDailyCap } from '../../src/core/growth/reward';
import { DEFAULT_INVITE_SETTINGS, inviteSettingsFrom } from '../../src/core/growth/settings';
import { attributedShare, orderTargetsOf, TOUCHES_KEPT, withTouch, type ShareTouch } from '../../src/core/growth/share';

describe('invite codes', () => {
  it('are 8 Crockford characters that fit a wxacode scene, read leniently', () => {
    const code = inviteCodeFromBytes([0, 1, 2, 3, 31, 30, 29, 255]);
    expect(code).toBe('0123ZYXZ');
    expect(isInviteCode(code)).toBe(true);
    expect(inviteScene(code).length).toBeLessThanOrEqual(32);
    expect(invitePath(code)).toBe('/packages/growth/landing/index?invite=0123ZYXZ');
    expect(normaliseInviteCode(' o1il23zz ')).toBe('011123ZZ');
    for (const bad of ['', 'ABC', 'ABCDEFGHI', 'ABCDEFGU', 'abcdefgh', '../../x1']) expect(isInviteCode(bad)).toBe(false);
    expect(() => inviteCodeFromBytes([1, 2])).toThrow(RangeError);
  });

  it('mask nicknames to their first character', () => {
    expect(maskNickname('张小花')).toBe('张**');
    expect(maskNickname('Bo')).toBe('B**');
    expect(maskNickname('王')).toBe('*');
    expect(maskNickname('😀abc')).toBe('😀**');
    expect(maskNickname('')).toBe('微信用户');
    expect(maskNickname(null)).toBe('微信用户');
  });
});

describe('invite rewards', () => {
  const paidAt = Date.UTC(2025, 0, 6);
  it('are due when completed, or N days after payment with no refund under way', () => {
    const due = rewardDueAt(paidAt, 7);
    expect(due).toBe(paidAt + 7 * DAY_MS);
    expect(sweepDecision('COMPLETED', due, paidAt)).toBe('grant');
    expect(sweepDecision('PAID', due, due - 1)).toBe('not-yet');
    expect(sweepDecision('PAID', due, due)).toBe('grant');
    expect(sweepDecision('SHIPPED', due, due + 1)).toBe('grant');
    expect(sweepDecision('READY_FOR_PICKUP', due, due + 1)).toBe('grant');
    expect(sweepDecision('REFUND_REQUESTED', due, due + 1)).toBe('wait');
    expect(sweepDecision('REFUNDING', due, due + 1)).toBe('wait');
    expect(sweepDecision('REFUNDED', due, due + 1)).toBe('void');
    expect(sweepDecision(null, due, due + 1)).toBe('void');
  });

  it('have deterministic ids, skip points-mall orders and respect the daily cap', () => {
    expect(inviteRewardId('u1', 'inviter')).toBe('invite-reward:u1:inviter');
    expect(countsAsFirstOrder({ source: 'mall' })).toBe(false);
    expect(countsAsFirstOrder({ source: 'groupbuy' })).toBe(true);
    expect(countsAsFirstOrder({})).toBe(true);
    expect(underDailyCap(9, 10)).toBe(true);
    expect(underDailyCap(10, 10)).toBe(false);
    expect(underDailyCap(10_000, 0)).toBe(true);
  });

  it('settings fall back to defaults field by field', () => {
    expect(inviteSettingsFrom(null)).toEqual(DEFAULT_INVITE_SETTINGS);
    expect(inviteSettingsFrom({ rewardDelayDays: 3, inviter: { points: -5 }, dailyCapPerInviter: 1.5 })).toEqual({
      ...DEFAULT_INVITE_SETTINGS,
      rewardDelayDays: 3,
    });
    expect(inviteSettingsFrom({ invitee: { points: 10, couponTemplateId: 'tpl' } }).invitee).toEqual({ points: 10, couponTemplateId: 'tpl' });
  });
});

describe('share attribution', () => {
  const t0 = Date.UTC(2025, 0, 6);
  const touch = (over: Partial<ShareTouch>): ShareTouch => ({ sharer: 's1', kind: 'product', targetId: 'p1', at: t0, ...over });
  const order = { items: [{ productId: 'p1' }, { productId: 'p2' }], groupBuy: { activityId: 'gb1', groupId: 'g1' }, flashSale: null, liveRoomId: 'room1' };

  it('keeps the newest touch per target, at most TOUCHES_KEPT', () => {
    let touches: ShareTouch[] = [];
    for (let i = 0; i < TOUCHES_KEPT + 5; i += 1) touches = withTouch(touches, touch({ targetId: `p${i}`, at: t0 + i }));
    expect(touches).toHaveLength(TOUCHES_KEPT);
    touches = withTouch(touches, touch({ targetId: 'p24', sharer: 's2', at: t0 + 100 }));
    expect(touches.filter((t) => t.targetId === 'p24')).toEqual([expect.objectContaining({ sharer: 's2' })]);
    expect(touches[0].at).toBe(t0 + 100);
  });

  it('credits the latest matching open before the order, within the window, not the buyer’s own', () => {
    const targets = orderTargetsOf(order);
    const W = 7 * DAY_MS;
    expect(attributedShare([touch({})], targets, 'buyer', t0 + 1, W)).toMatchObject({ sharer: 's1' });
    expect(attributedShare([touch({})], targets, 's1', t0 + 1, W)).toBeNull();
    expect(attributedShare([touch({})], targets, 'buyer', t0 - 1, W)).toBeNull();
    expect(attributedShare([touch({})], targets, 'buyer', t0 + W + 1, W)).toBeNull();
    expect(attributedShare([touch({ targetId: 'p9' })], targets, 'buyer', t0 + 1, W)).toBeNull();
    const both = [touch({ sharer: 'old', at: t0 }), touch({ sharer: 'new', kind: 'groupbuy', targetId: 'g1', at: t0 + 5 })];
    expect(attributedShare(both, targets, 'buyer', t0 + 10, W)).toMatchObject({ sharer: 'new' });
    expect(attributedShare([touch({ kind: 'live', targetId: 'room1' })], targets, 'buyer', t0 + 1, W)).toMatchObject({ kind: 'live' });
    expect(attributedShare([touch({ kind: 'invite', targetId: 'p1' })], targets, 'buyer', t0 + 1, W)).toBeNull();
  });
});
