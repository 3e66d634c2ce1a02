/**
 * The demo seed's members (src/server/local/seed/history-plan.ts, history.ts):
 * at least 300 members with a year of orders, spread over the RFM classes
 * and lifecycle stages, so a new operator sees meaningful distributions in
 * the member list and charts at once; their CRM profiles are what the
 * services keep (equal to a rebuild from the orders) and scored as of now.
 */
import { ALL_RFM_CLASSES } from '../../src/core/crm/rfm';
import { LIFECYCLE_STAGES } from '../../src/core/crm/lifecycle';
import type { MemberProfileDoc } from '../../src/core/crm/profile';
import { scoreMember } from '../../src/core/crm/score';
import { chinaDay } from '../../src/core/points/china-day';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { seedDemoData } from '../../src/server/local/seed';
import { HISTORY_MEMBERS, historyMemberId } from '../../src/server/local/seed/history';
import { schema } from '../../src/server/schema';
import { statsFromOrders } from '../../src/server/services/crm/rebuild';
import { loadCrmSettings } from '../../src/server/services/crm/settings';

// Each file seeds the demo shop with its year of history (about 10–30 s on 2 busy cores).
jest.setTimeout(120_000);

const NOW = Date.UTC(2026, 11, 1, 4, 30);
const DAY = 86_400_000;
const DEMO_ACCOUNTS = ['demo-customer', 'demo-staff', 'demo-staff-jingan', 'demo-operator'];

describe('demo seed: members for the CRM', () => {
  let db: LocalDb;
  let profiles: Array<MemberProfileDoc & { _id: string }>;
  beforeAll(async () => {
    db = openLocalDb({ memory: true, now: () => NOW }, schema);
    await seedDemoData(db, NOW);
    profiles = [];
    for (let offset = 0; ; offset += 1000) {
      const { data } = await db.collection<MemberProfileDoc>('crm_profiles').skip(offset).limit(1000).get();
      profiles.push(...(data as Array<MemberProfileDoc & { _id: string }>));
      if (data.length < 1000) break;
    }
  }, 120_000);
  afterAll(() => db.close());

  const countBy = <K extends string>(key: (p: MemberProfileDoc) => K): Map<K, number> => {
    const out = new Map<K, number>();
    for (const p of profiles) out.set(key(p), (out.get(key(p)) ?? 0) + 1);
    return out;
  };

  it('has at least 300 members, each with a profile, joined over a year', async () => {
    expect(HISTORY_MEMBERS).toBeGreaterThanOrEqual(300);
    expect((await db.collection('members').count()).total).toBe(HISTORY_MEMBERS);
    expect(profiles.filter((p) => p.isMember)).toHaveLength(HISTORY_MEMBERS);
    const joined = profiles.map((p) => p.joinedAt ?? NOW);
    expect(Math.min(...joined)).toBeLessThan(NOW - 300 * DAY);
    expect(Math.max(...joined)).toBeGreaterThan(NOW - 7 * DAY);
    for (const openid of DEMO_ACCOUNTS) expect((await db.collection('crm_profiles').doc(openid).get()).data).toHaveLength(0);
  });

  it('spreads the members over every RFM class and lifecycle stage, scored as of now', () => {
    const classes = countBy((p) => p.rfm.class);
    for (const rfmClass of ALL_RFM_CLASSES) expect([rfmClass, classes.get(rfmClass) ?? 0]).toEqual([rfmClass, expect.any(Number)]);
    // Every class is there; none holds more than a third of the members.
    expect([...classes.keys()].sort()).toEqual([...ALL_RFM_CLASSES].sort());
    for (const [, n] of classes) expect(n).toBeLessThan(HISTORY_MEMBERS / 3);
    expect([...classes.values()].filter((n) => n >= 10).length).toBeGreaterThanOrEqual(6);

    const stages = countBy((p) => p.lifecycle);
    for (const stage of LIFECYCLE_STAGES) expect([stage, stages.get(stage) ?? 0]).toEqual([stage, expect.any(Number)]);
    for (const stage of LIFECYCLE_STAGES) expect(stages.get(stage) ?? 0).toBeGreaterThanOrEqual(20);
  });

  it('scores every member as of now (the timer re-score ran), not as of their last order', async () => {
    const settings = await loadCrmSettings(db);
    for (const p of profiles) {
      const { rfm, lifecycle } = scoreMember(p.stats, NOW, settings);
      expect([p.openid, p.rfm, p.lifecycle]).toEqual([p.openid, rfm, lifecycle]);
    }
  });

  it('has big spenders in the upper tiers, members from the live room, birthdays this month, and refunds', () => {
    expect(profiles.filter((p) => p.netFen >= 200_000).length).toBeGreaterThanOrEqual(3);
    expect(new Set(profiles.map((p) => p.tierId)).size).toBeGreaterThanOrEqual(3);
    expect(profiles.filter((p) => p.channel === 'live').length).toBeGreaterThanOrEqual(3);
    const month = Number(chinaDay(NOW).slice(5, 7));
    expect(profiles.filter((p) => p.birthMonth === month).length).toBeGreaterThanOrEqual(10);
    expect(profiles.filter((p) => p.stats.refundedOrders > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('keeps profile figures equal to a recomputation from the orders', async () => {
    for (let n = 1; n <= HISTORY_MEMBERS; n += 7) {
      const openid = historyMemberId(n);
      const profile = profiles.find((p) => p.openid === openid)!;
      expect([openid, profile.stats]).toEqual([openid, await statsFromOrders(db, openid)]);
    }
  });
});
