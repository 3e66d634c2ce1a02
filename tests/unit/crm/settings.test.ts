import { crmSettingsFrom, DEFAULT_CRM_SETTINGS } from '../../../src/core/crm/settings';

describe('crmSettingsFrom', () => {
  it('is the defaults with nothing stored', () => {
    expect(crmSettingsFrom(null)).toEqual(DEFAULT_CRM_SETTINGS);
    expect(crmSettingsFrom(undefined)).toEqual(DEFAULT_CRM_SETTINGS);
    expect(crmSettingsFrom({})).toEqual(DEFAULT_CRM_SETTINGS);
  });

  it('merges each section field by field, the cut points too', () => {
    const s = crmSettingsFrom({ rfm: { orders: [2, 3, 5, 10], highCut: { m: 4 } }, lifecycle: { lostDays: 365 }, campaign: { windowDays: 7 } });
    expect(s.rfm).toEqual({ ...DEFAULT_CRM_SETTINGS.rfm, orders: [2, 3, 5, 10], highCut: { r: 3, f: 3, m: 4 } });
    expect(s.lifecycle).toEqual({ ...DEFAULT_CRM_SETTINGS.lifecycle, lostDays: 365 });
    expect(s.campaign).toEqual({ ...DEFAULT_CRM_SETTINGS.campaign, windowDays: 7 });
  });

  it('replaces a threshold list whole and never mutates the defaults', () => {
    const before = JSON.stringify(DEFAULT_CRM_SETTINGS);
    const s = crmSettingsFrom({ rfm: { recencyDays: [7, 14, 30, 60] } });
    expect(s.rfm.recencyDays).toEqual([7, 14, 30, 60]);
    s.rfm.highCut.r = 1;
    s.lifecycle.newDays = 1;
    expect(JSON.stringify(DEFAULT_CRM_SETTINGS)).toBe(before);
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_CRM_SETTINGS).toEqual({
      rfm: { recencyDays: [30, 60, 90, 180], orders: [1, 2, 4, 8], spendFen: [10_000, 30_000, 80_000, 200_000], highCut: { r: 3, f: 3, m: 3 } },
      lifecycle: { newDays: 30, dormantDays: 60, lostDays: 180, matureOrders: 4 },
      campaign: { messagesPer7Days: 2, windowDays: 14, defaultHoldoutPct: 10 },
    });
  });
});
