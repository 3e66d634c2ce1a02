import { ALL_RFM_CLASSES, amountScore, NO_ORDER_CLASS, recencyScore, rfmClassOf, rfmOf, RFM_CLASSES } from '../../../src/core/crm/rfm';
import { DEFAULT_CRM_SETTINGS } from '../../../src/core/crm/settings';

const rfm = DEFAULT_CRM_SETTINGS.rfm;

describe('R: days since the last paid order, 30/60/90/180', () => {
  it.each([
    [0, 5],
    [30, 5],
    [31, 4],
    [60, 4],
    [61, 3],
    [90, 3],
    [91, 2],
    [180, 2],
    [181, 1],
    [1000, 1],
  ])('%p days → R %p', (days, score) => expect(recencyScore(days, rfm.recencyDays)).toBe(score));

  it('no order → 1', () => expect(recencyScore(null, rfm.recencyDays)).toBe(1));
});

describe('F: net orders, 1/2/4/8', () => {
  it.each([
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 3],
    [4, 4],
    [7, 4],
    [8, 5],
    [50, 5],
  ])('%p orders → F %p', (orders, score) => expect(amountScore(orders, rfm.orders)).toBe(score));
});

describe('M: net spend, ¥100/¥300/¥800/¥2,000', () => {
  it.each([
    [0, 1],
    [9_999, 1],
    [10_000, 2],
    [29_999, 2],
    [30_000, 3],
    [79_999, 3],
    [80_000, 4],
    [199_999, 4],
    [200_000, 5],
  ])('%p fen → M %p', (fen, score) => expect(amountScore(fen, rfm.spendFen)).toBe(score));
});

describe('the 8 classes (high = score ≥ 3)', () => {
  // R F M: 高 = 3, 低 = 2 (just either side of the default cut point 3).
  it.each([
    [3, 3, 3, '重要价值'],
    [3, 2, 3, '重要发展'],
    [2, 3, 3, '重要保持'],
    [2, 2, 3, '重要挽留'],
    [3, 3, 2, '一般价值'],
    [3, 2, 2, '一般发展'],
    [2, 3, 2, '一般保持'],
    [2, 2, 2, '一般挽留'],
  ])('R %p F %p M %p → %p', (r, f, m, cls) => expect(rfmClassOf(r, f, m, rfm.highCut)).toBe(cls));

  it('maps the 8 bit patterns onto the 8 distinct classes', () => {
    const seen = new Set<string>();
    for (const r of [1, 5]) for (const f of [1, 5]) for (const m of [1, 5]) seen.add(rfmClassOf(r, f, m, rfm.highCut));
    expect([...seen].sort()).toEqual([...RFM_CLASSES].sort());
    expect(ALL_RFM_CLASSES).toEqual([...RFM_CLASSES, NO_ORDER_CLASS]);
  });

  it('follows configured cut points', () => {
    expect(rfmClassOf(4, 4, 4, { r: 5, f: 5, m: 5 })).toBe('一般挽留');
    expect(rfmClassOf(1, 1, 1, { r: 1, f: 1, m: 1 })).toBe('重要价值');
  });
});

describe('rfmOf', () => {
  it('scores a member: 45 days, 3 orders, ¥520 → R 4, F 3, M 3, 重要价值 (the README example)', () => {
    expect(rfmOf({ daysSinceLast: 45, netOrders: 3, netFen: 52_000 }, rfm)).toEqual({ r: 4, f: 3, m: 3, class: '重要价值' });
  });

  it('a recent one-off small buyer is 一般发展', () => {
    expect(rfmOf({ daysSinceLast: 3, netOrders: 1, netFen: 2_500 }, rfm)).toEqual({ r: 5, f: 2, m: 1, class: '一般发展' });
  });

  it('a big spender gone quiet is 重要挽留', () => {
    expect(rfmOf({ daysSinceLast: 200, netOrders: 1, netFen: 250_000 }, rfm)).toEqual({ r: 1, f: 2, m: 5, class: '重要挽留' });
  });

  it('no net order → 未消费 (even with an old, fully refunded purchase)', () => {
    expect(rfmOf({ daysSinceLast: null, netOrders: 0, netFen: 0 }, rfm)).toEqual({ r: 1, f: 1, m: 1, class: '未消费' });
    expect(rfmOf({ daysSinceLast: 5, netOrders: 0, netFen: 0 }, rfm).class).toBe('未消费');
  });
});
