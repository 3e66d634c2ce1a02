import { armOf, hash53 } from '../../../src/core/crm/holdout';

const openids = Array.from({ length: 10_000 }, (_, i) => `oAbC${i.toString(36).padStart(6, '0')}xyz`);
const holdoutShare = (campaignId: string, pct: number): number =>
  (100 * openids.filter((o) => armOf(campaignId, o, pct) === 'holdout').length) / openids.length;

describe('holdout assignment', () => {
  it('is stable: the same campaign and openid always give the same arm', () => {
    const first = openids.map((o) => armOf('cmp_1', o, 10));
    expect(openids.map((o) => armOf('cmp_1', o, 10))).toEqual(first);
    expect(hash53('cmp_1\noAbC')).toBe(hash53('cmp_1\noAbC'));
  });

  it.each([5, 10, 50])('at 10,000 openids and %p %% the holdout share is within ±3 points', (pct) => {
    for (const campaignId of ['cmp_1', 'cmp_2', 'journey_dormant_2025-06', 'X']) {
      expect(Math.abs(holdoutShare(campaignId, pct) - pct)).toBeLessThanOrEqual(3);
    }
  });

  it('0 % holds out no one, 100 % everyone', () => {
    expect(holdoutShare('cmp_1', 0)).toBe(0);
    expect(holdoutShare('cmp_1', 100)).toBe(100);
  });

  it('a larger percentage only adds members to the holdout (buckets are nested)', () => {
    for (const o of openids.slice(0, 2000)) if (armOf('cmp_1', o, 5) === 'holdout') expect(armOf('cmp_1', o, 10)).toBe('holdout');
  });

  it('different campaigns hold out different members, about independently', () => {
    const a = openids.map((o) => armOf('cmp_1', o, 50));
    const b = openids.map((o) => armOf('cmp_2', o, 50));
    const same = a.filter((arm, i) => arm === b[i]).length / openids.length;
    expect(same).toBeGreaterThan(0.47);
    expect(same).toBeLessThan(0.53);
    const h1 = openids.filter((o) => armOf('cmp_1', o, 10) === 'holdout');
    const both = h1.filter((o) => armOf('cmp_2', o, 10) === 'holdout').length;
    expect(both / openids.length).toBeLessThan(0.03); // ≈ 1 % if independent, 10 % if the same
  });
});
