import { guideCodeFromBytes, guideCodeOfQuery, guidePath, isGuideCode, normaliseGuideCode } from '../../src/core/guide/code';
import { DAY_MS, decideBind, guideSettingsOf, rebindAtOf } from '../../src/core/guide/rules';

const settings = { commissionBps: 300, rebindDays: 30 };
const bound = { guideId: 'g1', storeId: 's1', boundAt: 0, lastPurchaseAt: null };

describe('guide binding rules', () => {
  const decide = (over: Partial<Parameters<typeof decideBind>[0]>) =>
    decideBind({ existing: bound, existingGuideActive: true, guideId: 'g2', storeId: 's1', settings, now: DAY_MS, ...over });

  it('first guide wins; the same guide is the same binding', () => {
    expect(decide({ existing: null })).toEqual({ kind: 'bind' });
    expect(decide({ guideId: 'g1' })).toEqual({ kind: 'same' });
    expect(decide({ guideId: 'g1', storeId: 's2' })).toEqual({ kind: 'same' });
    expect(decide({})).toEqual({ kind: 'refuse', code: 'GUIDE_ALREADY_BOUND', rebindAt: 30 * DAY_MS });
  });

  it('another guide after the idle days since binding or the last purchase; never with 0 days', () => {
    expect(decide({ now: 30 * DAY_MS })).toEqual({ kind: 'rebind', reason: 'idle' });
    expect(decide({ now: 30 * DAY_MS, existing: { ...bound, lastPurchaseAt: 10 * DAY_MS } })).toMatchObject({ kind: 'refuse', rebindAt: 40 * DAY_MS });
    expect(decide({ now: 999 * DAY_MS, settings: { ...settings, rebindDays: 0 } })).toMatchObject({ kind: 'refuse', rebindAt: null });
    expect(rebindAtOf({ boundAt: 5, lastPurchaseAt: null }, settings)).toBe(5 + 30 * DAY_MS);
  });

  it('a guide who left leaves the customer to the store: any guide takes them at once, the old one too', () => {
    expect(decide({ existingGuideActive: false })).toEqual({ kind: 'rebind', reason: 'guide_left' });
    expect(decide({ existingGuideActive: false, guideId: 'g1', storeId: 's2' })).toEqual({ kind: 'rebind', reason: 'guide_left' });
  });

  it('settings fall back to 3% and 30 days when missing or out of range', () => {
    expect(guideSettingsOf(null)).toEqual({ commissionBps: 300, rebindDays: 30 });
    expect(guideSettingsOf({ commissionBps: 99999, rebindDays: -1 })).toEqual({ commissionBps: 300, rebindDays: 30 });
    expect(guideSettingsOf({ commissionBps: 0, rebindDays: 0 })).toEqual({ commissionBps: 0, rebindDays: 0 });
  });
});

describe('guide codes', () => {
  it('are G + 8 Crockford characters, read forgivingly, and found in a query', () => {
    const code = guideCodeFromBytes([1, 2, 3, 4, 5, 6, 7, 31]);
    expect(code).toBe('G1234567Z');
    expect(isGuideCode(code)).toBe(true);
    expect(normaliseGuideCode(' g1234567z ')).toBe(code);
    expect(normaliseGuideCode('goi23456z')).toBe('G0123456Z');
    expect(guidePath(code)).toBe('/pages/home/index?guide=G1234567Z');
    expect(guideCodeOfQuery('?a=1&guide=g1234567z')).toBe(code);
    expect(guideCodeOfQuery('/pages/home/index?guide=G1234567Z')).toBe(code);
    expect(guideCodeOfQuery('?guide=nope')).toBeNull();
    expect(guideCodeOfQuery('?invite=ABCDEFGH')).toBeNull();
    expect(guideCodeOfQuery('?guide=%E0%A4%A')).toBeNull();
  });
});

describe('the operators’ guide settings form', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { checkGuideSettingsForm, formOfGuideSettings } = require('../../src/packages/ops/guides/form') as typeof import('../../src/packages/ops/guides/form');
  it('reads a percent with two decimals as basis points and whole days', () => {
    expect(checkGuideSettingsForm({ ratePct: '2.5', rebindDays: '15' })).toEqual({ errors: {}, settings: { commissionBps: 250, rebindDays: 15 } });
    expect(checkGuideSettingsForm({ ratePct: '0.07', rebindDays: '0' }).settings).toEqual({ commissionBps: 7, rebindDays: 0 });
    expect(checkGuideSettingsForm({ ratePct: '60', rebindDays: '1.5' }).errors).toEqual({ ratePct: '佣金比例最高 50%', rebindDays: '请输入整数天数' });
    expect(checkGuideSettingsForm({ ratePct: '3.125', rebindDays: '400' }).errors).toEqual({ ratePct: '请输入佣金比例，最多两位小数', rebindDays: '最多 365 天' });
    expect(formOfGuideSettings({ commissionBps: 250, rebindDays: 30 })).toEqual({ ratePct: '2.5', rebindDays: '30' });
  });
});
