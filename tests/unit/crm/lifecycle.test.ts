import { lifecycleOf } from '../../../src/core/crm/lifecycle';
import { DEFAULT_CRM_SETTINGS } from '../../../src/core/crm/settings';

const settings = DEFAULT_CRM_SETTINGS.lifecycle;
const stage = (netOrders: number, daysSinceFirst: number | null, daysSinceLast: number | null) =>
  lifecycleOf({ netOrders, daysSinceFirst, daysSinceLast }, settings);

describe('lifecycle stages (defaults: new 30, dormant 60, lost 180, mature 4 orders)', () => {
  it('导入期: no net paid order', () => {
    expect(stage(0, null, null)).toBe('导入期');
    expect(stage(0, 400, 400)).toBe('导入期'); // everything refunded
  });

  it('导入期: the first order at most 30 days old', () => {
    expect(stage(1, 0, 0)).toBe('导入期');
    expect(stage(5, 30, 2)).toBe('导入期');
    expect(stage(1, 31, 31)).toBe('成长期');
  });

  it('成长期 and 成熟期 split at matureOrders', () => {
    expect(stage(3, 100, 10)).toBe('成长期');
    expect(stage(4, 100, 10)).toBe('成熟期');
    expect(lifecycleOf({ netOrders: 4, daysSinceFirst: 100, daysSinceLast: 10 }, { ...settings, matureOrders: 6 })).toBe('成长期');
  });

  it('休眠期 from 60 days without an order through 180', () => {
    expect(stage(4, 300, 59)).toBe('成熟期');
    expect(stage(4, 300, 60)).toBe('休眠期');
    expect(stage(1, 180, 180)).toBe('休眠期');
  });

  it('流失期 past 180 days', () => {
    expect(stage(1, 181, 181)).toBe('流失期');
    expect(stage(20, 900, 365)).toBe('流失期');
  });

  it('dormancy wins over the new-member window when the days overlap', () => {
    // Rules apply in order: with newDays above dormantDays, a first-and-only order 70 days ago is 休眠期.
    expect(lifecycleOf({ netOrders: 1, daysSinceFirst: 70, daysSinceLast: 70 }, { ...settings, newDays: 90 })).toBe('休眠期');
  });
});
