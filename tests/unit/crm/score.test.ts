import { scoreMember } from '../../../src/core/crm/score';
import { crmSettingsFrom, DEFAULT_CRM_SETTINGS } from '../../../src/core/crm/settings';
import { EMPTY_STATS, type MemberStats } from '../../../src/core/crm/stats';
import { DAY_MS } from '../../../src/core/points/china-day';

const NOW = 1_750_000_000_000;

describe('scoreMember', () => {
  it('the README worked example: last paid 45 days ago, first 200, 4 paid (1 refunded in full), ¥580 paid − ¥60 refunded', () => {
    const stats: MemberStats = {
      ...EMPTY_STATS,
      firstPaidAt: NOW - 200 * DAY_MS,
      lastPaidAt: NOW - 45 * DAY_MS - 3 * 60 * 60 * 1000, // 45 whole days and 3 hours
      paidOrders: 4,
      paidFen: 58_000,
      refundedOrders: 1,
      refundedFen: 6_000,
    };
    expect(scoreMember(stats, NOW, DEFAULT_CRM_SETTINGS)).toEqual({ rfm: { r: 4, f: 3, m: 3, class: '重要价值' }, lifecycle: '成长期' });
    // With the cut point for M raised to 4, the same member is 一般价值.
    expect(scoreMember(stats, NOW, crmSettingsFrom({ rfm: { highCut: { m: 4 } } })).rfm.class).toBe('一般价值');
  });

  it('a member with no order: 未消费, 导入期', () => {
    expect(scoreMember(EMPTY_STATS, NOW, DEFAULT_CRM_SETTINGS)).toEqual({ rfm: { r: 1, f: 1, m: 1, class: '未消费' }, lifecycle: '导入期' });
  });

  it('a payment stamped a little after now (clock skew) counts as today', () => {
    const stats = { ...EMPTY_STATS, firstPaidAt: NOW + 5_000, lastPaidAt: NOW + 5_000, paidOrders: 1, paidFen: 100 };
    expect(scoreMember(stats, NOW, DEFAULT_CRM_SETTINGS)).toEqual({ rfm: { r: 5, f: 2, m: 1, class: '一般发展' }, lifecycle: '导入期' });
  });
});
