/**
 * Member profiles (services/crm): kept in the payment and refund
 * transactions, and always equal to a recomputation from the orders
 * (statsFromOrders / rebuiltProfile), after a concurrent mix of payments
 * (some notified twice), cancellations, and full and partial refunds.
 */
import { scoreMember } from '../../src/core/crm/score';
import { DEFAULT_CRM_SETTINGS } from '../../src/core/crm/settings';
import type { MemberProfileDoc } from '../../src/core/crm/profile';
import { rebuiltProfile, statsFromOrders } from '../../src/server/services/crm/rebuild';
import { deriveContext } from '../../src/server/services/crm/context';
import type { MemberDoc } from '../../src/server/services/member/records';
import { startCrmBench, type CrmBench } from './crm-harness';
import { mainOf } from './function-callers';
import { openCounterSession } from '../../src/server/services/staff/counter-session';

const DAY = 86_400_000;
/** Fields that record when, not what: a rebuild writes its own time. */
const comparable = ({ updatedAt: _u, scoredAt: _s, lifecycleSince: _l, ...rest }: MemberProfileDoc & { _id?: string }) => {
  const { _id: _id, ...fields } = rest as typeof rest & { _id?: string };
  return fields;
};

describe('crm member profiles', () => {
  let bench: CrmBench;
  beforeEach(async () => {
    bench = await startCrmBench();
  });
  afterEach(() => bench.close());

  it('a new member has a profile with no orders: 导入期, 未消费, direct', async () => {
    await bench.join('m-new', '小新', { phone: '13800001234', birthday: '1990-03-05' });
    const p = await bench.profile('m-new');
    expect(p).toMatchObject({ nickname: '小新', phone: '13800001234', birthMonth: 3, lifecycle: '导入期', channel: 'direct', netOrders: 0, tags: [] });
    expect(p?.rfm).toEqual({ r: 1, f: 1, m: 1, class: '未消费' });
    // A customer who has not joined has none.
    await bench.buy('not-member');
    expect(await bench.profile('not-member')).toBeNull();
  });

  it('payments re-score at once: stats, AOV, categories, R/F/M, stage and tier in the payment transaction', async () => {
    await bench.join('m-1');
    await bench.buy('m-1', 'sku-cake', 2); // ¥300
    const p = (await bench.profile('m-1'))!;
    expect(p.stats).toMatchObject({ paidOrders: 1, paidFen: 30_000, refundedFen: 0, categoryOrders: { 'cat-snack': 1 } });
    expect(p).toMatchObject({ netOrders: 1, netFen: 30_000, aovFen: 30_000, topCategories: ['cat-snack'], lifecycle: '导入期', channel: 'direct' });
    expect(p.rfm).toEqual({ r: 5, f: 2, m: 3, class: '重要发展' });
    expect(p.growth).toBe(300);
    expect(p.sk.spend).toBe(`000000030000:m-1`);
  });

  it('a customer who paid before joining has those orders in the profile the join builds', async () => {
    await bench.buy('late-joiner', 'sku-tea', 3);
    await bench.join('late-joiner');
    expect((await bench.profile('late-joiner'))?.stats).toMatchObject({ paidOrders: 1, paidFen: 6_000 });
  });

  it('incremental stats equal the rebuild after concurrent payments, replays, cancellations and refunds', async () => {
    const members = Array.from({ length: 12 }, (_, i) => `cm-${i}`);
    for (const m of members) await bench.join(m);
    const history: Array<{ openid: string; _id: string }> = [];
    for (let round = 0; round < 3; round += 1) {
      const placed = [];
      for (const [i, openid] of members.entries()) {
        if ((i + round) % 4 === 0) continue;
        placed.push({ openid, order: await bench.place(openid, i % 3 === 0 ? 'sku-cake' : 'sku-tea', 1 + ((i + round) % 3)) });
      }
      for (const { openid, order } of placed) await bench.ok('order', openid, 'pay', { orderId: order._id });
      const refundable = history.splice(0, 4);
      await Promise.all([
        // Most paid, one notified three times; every fifth cancelled unpaid.
        ...placed.map(({ openid, order }, i) =>
          i % 5 === 4 ? bench.ok('order', openid, 'cancel', { orderId: order._id }) : bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', i === 0 ? 3 : 1),
        ),
        // Refunds of earlier orders: full ones and one partial by amount.
        ...refundable.map((o, i) => bench.refund(o.openid, o._id, i === 0 ? { amount: 500 } : {})),
      ]);
      await Promise.all([bench.timer('order', 'processRefunds'), bench.timer('order', 'processRefunds')]);
      for (const [i, { openid, order }] of placed.entries()) if (i % 5 !== 4) history.push({ openid, _id: order._id });
      bench.clock.advance(9 * DAY);
    }
    expect(await bench.count('orders', { status: 'REFUNDED' })).toBeGreaterThan(2);
    expect(await bench.count('refunds', { partial: true, status: 'DONE' })).toBeGreaterThan(0);
    expect(await bench.count('orders', { status: 'CANCELLED' })).toBeGreaterThan(0);

    const ctx = await deriveContext(bench.db, bench.clock());
    for (const openid of members) {
      const stored = (await bench.profile(openid))!;
      expect(stored.stats).toEqual(await statsFromOrders(bench.db, openid));
      const member = (await bench.db.collection<MemberDoc>('members').doc(openid).get()).data[0];
      const rebuilt = await rebuiltProfile(bench.db, member, stored, { ...ctx, now: stored.scoredAt });
      expect(comparable(rebuilt)).toEqual(comparable(stored));
      // And scores follow the core definitions from those stats.
      expect({ rfm: stored.rfm, lifecycle: stored.lifecycle }).toEqual(scoreMember(stored.stats, stored.scoredAt, DEFAULT_CRM_SETTINGS));
    }

    // crm.rebuild rewrites the same stats (twice: it is idempotent).
    const before = await Promise.all(members.map((m) => bench.profile(m)));
    await bench.crmOk('rebuild', {});
    await bench.crmOk('rebuild', {});
    const after = await Promise.all(members.map((m) => bench.profile(m)));
    expect(after.map((p) => p!.stats)).toEqual(before.map((p) => p!.stats));
  });

  it('member.visit records one visit a member a day, concurrently too, and the profile keeps the last', async () => {
    await bench.join('m-v');
    const visit = () => mainOf('member')({ action: 'visit', data: {} }, { request_id: 'r', environ: 'WX_OPENID=m-v;WX_APPID=wxtest' });
    const answers = await Promise.all([visit(), visit(), visit()]);
    expect(answers.filter((a) => a.ok && a.data.recorded)).toHaveLength(1);
    bench.clock.advance(DAY);
    await visit();
    expect(await bench.count('member_visits', { openid: 'm-v' })).toBe(2);
    expect((await bench.profile('m-v'))?.lastVisitAt).toBe(bench.clock());
    // Someone who has not joined is not recorded.
    expect(await mainOf('member')({ action: 'visit', data: {} }, { request_id: 'r2', environ: 'WX_OPENID=guest;WX_APPID=wxtest' })).toMatchObject({ ok: true, data: { recorded: false } });
  });

  it('staff see a slim profile only through their open counter session with the member', async () => {
    await bench.join('m-c', '小柜');
    await bench.buy('m-c', 'sku-cake', 1);
    await bench.db.collection('roles').doc('staff-1').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: bench.clock() });
    const member = (await bench.db.collection<MemberDoc>('members').doc('m-c').get()).data[0];
    const session = await openCounterSession(bench.db, 'staff-1', 'store-demo', { ...member, _id: 'm-c' }, bench.clock());
    const answer = await bench.crm('counterProfile', { sessionId: session.sessionId, storeId: 'store-demo' }, 'staff-1');
    expect(answer).toMatchObject({ ok: true, data: { nickname: '小柜', netOrders: 1, topCategories: ['零食'], lifecycle: '导入期' } });
    // Another staff member, another store, or after the ten minutes: refused.
    await bench.db.collection('roles').doc('staff-2').set({ roles: ['staff'], staffStoreIds: ['store-demo'], updatedAt: bench.clock() });
    expect(await bench.crm('counterProfile', { sessionId: session.sessionId, storeId: 'store-demo' }, 'staff-2')).toMatchObject({ ok: false });
    expect(await bench.crm('counterProfile', { sessionId: session.sessionId, storeId: 'store-other' }, 'staff-1')).toMatchObject({ ok: false, error: { code: 'NO_COUNTER_SESSION' } });
    bench.clock.advance(11 * 60_000);
    expect(await bench.crm('counterProfile', { sessionId: session.sessionId, storeId: 'store-demo' }, 'staff-1')).toMatchObject({ ok: false, error: { code: 'COUNTER_SESSION_EXPIRED' } });
  });

  it('only operators read the member list; staff and customers are refused', async () => {
    expect(await bench.crm('members', {}, 'cm-x')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
