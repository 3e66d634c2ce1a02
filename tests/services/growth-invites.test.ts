/**
 * Issue 13, part 1 (老带新): invite codes, bindings (first touch wins, refusals
 * in their order, one binding per customer under concurrent opens), rewards
 * due on completion or N days after payment with no refund, exactly once per
 * invitee (completion racing a refund; the timer run twice), the daily cap,
 * and the CRM acquisition channel.
 */
import { DAY_MS } from '../../src/core/growth/reward';
import { codeOf, functionCallers } from './function-callers';
import { DELIVERY, newRequestId, PICKUP } from './order-harness';
import { approveRefund } from './refund-helpers';
import { startPromotionBench, type PromotionBench } from './promotion-harness';
import { seedTwoStores, STORE_A } from './staff-harness';

const { call, ok } = functionCallers('growth', 'member', 'staff');

const A = 'inviter-a';
const C = 'inviter-c';
const B = 'friend-b';
const STAFF = 'staff-a';
const OPS = 'ops-1';

describe('growth: invites (老带新)', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedTwoStores(bench);
    await bench.grantStaff(STAFF, [STORE_A]);
    await bench.grantOperator(OPS);
    await ok('member', A, 'join', { nickname: '张小花' });
    await ok('member', C, 'join', { nickname: '李四' });
  });
  afterEach(() => bench.close());

  const codeOfMember = async (openid: string): Promise<string> => (await ok('growth', openid, 'inviteCode')).code;
  const points = (openid: string) => bench.balance(openid);
  const rewardEntries = async (invitee: string) =>
    (await bench.db.collection('points_ledger').where({ source: bench.db.command.in([`invite-reward:${invitee}:inviter`, `invite-reward:${invitee}:invitee`]) }).get()).data;
  const binding = (invitee: string) => bench.doc('growth_invites', invitee);

  /** A paid pickup order (READY_FOR_PICKUP) of one tea; its id. */
  async function paidPickup(openid: string): Promise<string> {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    return order._id;
  }
  /** A paid delivery order, shipped; its id. */
  async function shippedDelivery(openid: string): Promise<string> {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    await bench.ok('order', OPS, 'ship', { orderId: order._id, trackingNo: 'SF123' });
    return order._id;
  }

  it('gives a member one short code and link; non-members have none', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, () => ok('growth', A, 'inviteCode')));
    const codes = new Set(answers.map((a) => a.code));
    expect(codes.size).toBe(1);
    const [code] = [...codes];
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(answers[0]).toEqual({ code, path: `/packages/growth/landing/index?invite=${code}`, wxacodeUrl: null, wxacodeFileId: null });
    expect(await bench.count('growth_codes')).toBe(1);
    expect(codeOf(await call('growth', B, 'inviteCode'))).toBe('NOT_A_MEMBER');
  });

  it('refuses in order: not found (malformed too), self, already a member, bound to someone else; the same code answers the same binding', async () => {
    const codeA = await codeOfMember(A);
    const codeC = await codeOfMember(C);
    expect(codeOf(await call('growth', B, 'bindInvite', { code: 'not a code!' }))).toBe('INVITE_NOT_FOUND');
    expect(codeOf(await call('growth', B, 'bindInvite', { code: 'ZZZZZZZZ' }))).toBe('INVITE_NOT_FOUND');
    expect(codeOf(await call('growth', A, 'bindInvite', { code: codeA }))).toBe('INVITE_SELF');
    expect(codeOf(await call('growth', C, 'bindInvite', { code: codeA }))).toBe('INVITE_ALREADY_MEMBER');

    expect(await ok('growth', B, 'bindInvite', { code: codeA.toLowerCase() })).toEqual({ bound: true, inviter: '张**', boundNow: true });
    expect(await ok('growth', B, 'bindInvite', { code: codeA })).toEqual({ bound: true, inviter: '张**', boundNow: false });
    expect(codeOf(await call('growth', B, 'bindInvite', { code: codeC }))).toBe('INVITE_ALREADY_BOUND');

    // Joining afterwards keeps the binding; the same link still answers it, and the profile's channel is the invite.
    await ok('member', B, 'join', { nickname: '王五' });
    expect(await ok('growth', B, 'bindInvite', { code: codeA })).toMatchObject({ bound: true, boundNow: false });
    expect(codeOf(await call('growth', B, 'bindInvite', { code: codeC }))).toBe('INVITE_ALREADY_MEMBER');
    expect(await bench.doc('crm_profiles', B)).toMatchObject({ boundChannel: 'invite', channel: 'invite' });
    expect(await binding(B)).toMatchObject({ inviter: A, state: 'bound' });

    // The inviter sees the friend from the moment of the binding, masked.
    const list = await ok('growth', A, 'invites');
    expect(list.items).toEqual([expect.objectContaining({ invitee: '王**', state: 'bound', rewards: expect.objectContaining({ inviter: expect.objectContaining({ state: 'pending', points: 200 }) }) })]);
    expect(JSON.stringify(list)).not.toContain(B);
    expect(list.totals).toMatchObject({ invited: 1, rewarded: 0 });
  });

  it('one binding per customer when two different invites are opened at once', async () => {
    const [codeA, codeC] = [await codeOfMember(A), await codeOfMember(C)];
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => call('growth', B, 'bindInvite', { code: i % 2 ? codeA : codeC })));
    expect(await bench.count('growth_invites', { invitee: B })).toBe(1);
    const winner = (await binding(B))!.inviter;
    const winnerCode = winner === A ? codeA : codeC;
    answers.forEach((answer, i) => {
      const code = i % 2 ? codeA : codeC;
      expect(codeOf(answer)).toBe(code === winnerCode ? 'OK' : 'INVITE_ALREADY_BOUND');
    });
    expect(answers.filter((a) => a.ok && a.data.boundNow)).toHaveLength(1);
    expect(await bench.doc('crm_bound_channels', B)).toMatchObject({ channel: 'invite' });
  });

  it('rewards both sides once when the first order is picked up; later orders give nothing more', async () => {
    await ok('growth', B, 'bindInvite', { code: await codeOfMember(A) });
    await ok('member', B, 'join', { nickname: '王五' });
    const before = { a: await points(A), b: await points(B) };
    const orderId = await paidPickup(B);
    expect(await binding(B)).toMatchObject({ state: 'ordered', orderId, dueAt: bench.clock() + 7 * DAY_MS });
    await Promise.all([1, 2, 3].map(() => call('staff', STAFF, 'verifyPickup', { orderId, storeId: STORE_A })));
    expect(await binding(B)).toMatchObject({ state: 'rewarded', rewards: { inviter: { state: 'given', points: 200 }, invitee: { state: 'given', points: 100 } } });
    expect(await points(A)).toBe(before.a + 200);
    const bAfterFirst = await points(B);
    expect(await rewardEntries(B)).toHaveLength(2);

    const second = await paidPickup(B);
    await ok('staff', STAFF, 'verifyPickup', { orderId: second, storeId: STORE_A });
    expect(await points(A)).toBe(before.a + 200);
    expect(await rewardEntries(B)).toHaveLength(2);
    expect(await points(B)).toBeGreaterThanOrEqual(bAfterFirst);

    const list = await ok('growth', A, 'invites');
    expect(list.items[0]).toMatchObject({ invitee: '王**', state: 'rewarded', stateLabel: '奖励已发放' });
    expect(list.totals).toMatchObject({ invited: 1, ordered: 1, rewarded: 1, points: 200 });
  });

  it('gives the coupons of the settings with the points', async () => {
    await bench.putTemplate('tpl-invite', { title: '邀请礼 5 元' });
    await ok('growth', OPS, 'saveSettings', {
      settings: { enabled: true, inviter: { points: 50, couponTemplateId: 'tpl-invite' }, invitee: { points: 0, couponTemplateId: 'tpl-invite' }, rewardDelayDays: 3, dailyCapPerInviter: 5, shareWindowDays: 7 },
    });
    expect(codeOf(await call('growth', B, 'saveSettings', { settings: {} }))).not.toBe('OK');
    expect(await bench.count('staff_audit', { action: 'saveInviteSettings', staffOpenid: OPS })).toBe(1);
    const missing = await call('growth', OPS, 'saveSettings', {
      settings: { enabled: true, inviter: { points: 1, couponTemplateId: 'tpl-nope' }, invitee: { points: 0, couponTemplateId: null }, rewardDelayDays: 3, dailyCapPerInviter: 5, shareWindowDays: 7 },
    });
    expect(codeOf(missing)).toBe('COUPON_TEMPLATE_NOT_FOUND');
    await ok('growth', B, 'bindInvite', { code: await codeOfMember(A) });
    const orderId = await paidPickup(B);
    expect((await binding(B))!.dueAt).toBe(bench.clock() + 3 * DAY_MS);
    await ok('staff', STAFF, 'verifyPickup', { orderId, storeId: STORE_A });
    expect(await bench.doc('coupons', `invite-reward:${B}:inviter`)).toMatchObject({ openid: A, templateId: 'tpl-invite' });
    expect(await bench.doc('coupons', `invite-reward:${B}:invitee`)).toMatchObject({ openid: B, templateId: 'tpl-invite' });
    const list = await ok('growth', A, 'invites');
    expect(list.items[0].rewards).toMatchObject({ inviter: { points: 50, coupon: '邀请礼 5 元' }, invitee: { points: 0, coupon: '邀请礼 5 元' } });
    expect(list.totals).toMatchObject({ points: 50, coupons: 1 });
  });

  it('one reward per invitee when the receipt confirmation and a refund request race', async () => {
    for (let round = 0; round < 6; round += 1) {
      const friend = `friend-race-${round}`;
      await ok('growth', friend, 'bindInvite', { code: await codeOfMember(A) });
      const orderId = await shippedDelivery(friend);
      const [confirmed, refund] = await Promise.all([
        bench.call('order', friend, 'confirm', { orderId }),
        bench.call('order', friend, 'requestRefund', { orderId, reason: '不想要了' }),
      ]);
      expect([confirmed.ok, refund.ok].filter(Boolean)).toHaveLength(1);
      if (refund.ok) {
        await approveRefund(bench, orderId);
        await bench.timer('order', 'sweep');
        expect((await bench.order(orderId)).status).toBe('REFUNDED');
      }
      bench.clock.advance(8 * DAY_MS);
      await Promise.all([runTick(), runTick()]);
      const state = (await binding(friend))!.state;
      expect(state).toBe(confirmed.ok ? 'rewarded' : 'refunded');
      expect(await rewardEntries(friend)).toHaveLength(confirmed.ok ? 2 : 0);
    }
  });

  const runTick = async () => {
    const { mainOf } = await import('./function-callers');
    const answer = await mainOf('growth')({ Type: 'Timer', TriggerName: 'tick', Time: new Date(bench.clock()).toISOString() }, { request_id: 'timer', environ: '' });
    if (!answer.ok) throw new Error(JSON.stringify(answer.error));
    return answer.data;
  };

  it('the timer gives the reward N days after payment with no refund, once however often it runs', async () => {
    await ok('growth', B, 'bindInvite', { code: await codeOfMember(A) });
    const orderId = await paidPickup(B);
    bench.clock.advance(7 * DAY_MS - 60_000);
    expect(await runTick()).toMatchObject({ rewarded: 0 });
    expect((await binding(B))!.state).toBe('ordered');
    bench.clock.advance(60_000);
    const reports = await Promise.all([runTick(), runTick(), runTick()]);
    expect(reports.reduce((n, r) => n + r.rewarded, 0)).toBe(1);
    expect(await runTick()).toMatchObject({ looked: 0, rewarded: 0 });
    expect(await binding(B)).toMatchObject({ state: 'rewarded' });
    expect(await rewardEntries(B)).toHaveLength(2);
    expect(await bench.order(orderId)).toMatchObject({ status: 'READY_FOR_PICKUP', inviteRewardedAt: bench.clock() });
    // Picking it up later gives nothing more.
    await ok('staff', STAFF, 'verifyPickup', { orderId, storeId: STORE_A });
    expect(await rewardEntries(B)).toHaveLength(2);
  });

  it('the timer racing a refund request at the due time gives the reward at most once, and a refund in review is never rewarded', async () => {
    for (let round = 0; round < 4; round += 1) {
      const friend = `friend-due-${round}`;
      await ok('growth', friend, 'bindInvite', { code: await codeOfMember(A) });
      const orderId = await paidPickup(friend);
      bench.clock.advance(7 * DAY_MS);
      const [, refund] = await Promise.all([runTick(), bench.call('order', friend, 'requestRefund', { orderId, reason: '不想要了' }), runTick()]);
      const after = (await binding(friend))!;
      const entries = await rewardEntries(friend);
      if (after.state === 'rewarded') expect(entries).toHaveLength(2);
      else {
        expect(refund.ok).toBe(true);
        expect(after.state).toBe('ordered');
        expect(entries).toHaveLength(0);
      }
      bench.clock.advance(DAY_MS);
    }
  });

  it('a refunded first order never makes the reward due, nor do later orders; a refund in review waits', async () => {
    await ok('growth', B, 'bindInvite', { code: await codeOfMember(A) });
    const orderId = await paidPickup(B);
    await bench.ok('order', B, 'requestRefund', { orderId, reason: '不想要了' });
    bench.clock.advance(8 * DAY_MS);
    expect(await runTick()).toMatchObject({ waiting: 1, rewarded: 0 });
    expect((await binding(B))!.dueAt).toBe(bench.clock() + 3_600_000);
    await approveRefund(bench, orderId);
    await bench.timer('order', 'sweep');
    expect(await binding(B)).toMatchObject({ state: 'refunded', rewards: { inviter: { state: 'void' }, invitee: { state: 'void' } } });
    const later = await paidPickup(B);
    await ok('staff', STAFF, 'verifyPickup', { orderId: later, storeId: STORE_A });
    bench.clock.advance(8 * DAY_MS);
    await runTick();
    expect((await binding(B))!.state).toBe('refunded');
    expect(await rewardEntries(B)).toHaveLength(0);
    expect((await ok('growth', A, 'invites')).items[0]).toMatchObject({ state: 'refunded', stateLabel: '首单已退款，不发放' });
  });

  it('over the daily cap the inviter part is capped; the friend still gets theirs; the next day counts afresh', async () => {
    await ok('growth', OPS, 'saveSettings', {
      settings: { enabled: true, inviter: { points: 200, couponTemplateId: null }, invitee: { points: 100, couponTemplateId: null }, rewardDelayDays: 7, dailyCapPerInviter: 1, shareWindowDays: 7 },
    });
    const code = await codeOfMember(A);
    const friends = ['f1', 'f2', 'f3'];
    const orders: string[] = [];
    for (const friend of friends) {
      await ok('growth', friend, 'bindInvite', { code });
      orders.push(await paidPickup(friend));
    }
    const start = await points(A);
    await ok('staff', STAFF, 'verifyPickup', { orderId: orders[0], storeId: STORE_A });
    await ok('staff', STAFF, 'verifyPickup', { orderId: orders[1], storeId: STORE_A });
    expect(await points(A)).toBe(start + 200);
    expect(await binding('f2')).toMatchObject({ state: 'rewarded', rewards: { inviter: { state: 'capped', points: 0 }, invitee: { state: 'given', points: 100 } } });
    expect(await points('f2')).toBeGreaterThanOrEqual(100);
    bench.clock.advance(DAY_MS);
    await ok('staff', STAFF, 'verifyPickup', { orderId: orders[2], storeId: STORE_A });
    expect(await points(A)).toBe(start + 400);
    const items = (await ok('growth', A, 'invites')).items;
    expect(items.map((i: any) => i.rewards.inviter.stateLabel).sort()).toEqual(['已发放', '已发放', '超出当日上限']);
  });
});
