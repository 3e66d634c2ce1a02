import type { RfmSettings } from './settings';

/** The 8 classic RFM classes, by R/F/M high (高) or low (低) against the cut points; members with no net order are 未消费. */
export const RFM_CLASSES = ['重要价值', '重要发展', '重要保持', '重要挽留', '一般价值', '一般发展', '一般保持', '一般挽留'] as const;
export const NO_ORDER_CLASS = '未消费';
export type RfmClass = (typeof RFM_CLASSES)[number] | typeof NO_ORDER_CLASS;
export const ALL_RFM_CLASSES: readonly RfmClass[] = [...RFM_CLASSES, NO_ORDER_CLASS];

export interface RfmScore {
  r: number;
  f: number;
  m: number;
  class: RfmClass;
}

/** 5 within the first threshold of days, 1 past the last (or with no order). */
export function recencyScore(daysSinceLast: number | null, thresholds: readonly number[]): number {
  if (daysSinceLast === null) return 1;
  const passed = thresholds.filter((days) => daysSinceLast > days).length;
  return 5 - passed;
}

/** 1 below the first threshold, +1 for each threshold reached (orders or fen). */
export function amountScore(value: number, thresholds: readonly number[]): number {
  return 1 + thresholds.filter((min) => value >= min).length;
}

// Index: R high ×4 + F high ×2 + M high; the classic table (R F M → class).
const CLASS_BY_BITS: Record<number, (typeof RFM_CLASSES)[number]> = {
  0b111: '重要价值',
  0b101: '重要发展',
  0b011: '重要保持',
  0b001: '重要挽留',
  0b110: '一般价值',
  0b100: '一般发展',
  0b010: '一般保持',
  0b000: '一般挽留',
};

export function rfmClassOf(r: number, f: number, m: number, cut: RfmSettings['highCut']): (typeof RFM_CLASSES)[number] {
  const bits = (r >= cut.r ? 4 : 0) + (f >= cut.f ? 2 : 0) + (m >= cut.m ? 1 : 0);
  return CLASS_BY_BITS[bits];
}

export function rfmOf(facts: { daysSinceLast: number | null; netOrders: number; netFen: number }, settings: RfmSettings): RfmScore {
  const r = recencyScore(facts.daysSinceLast, settings.recencyDays);
  const f = amountScore(facts.netOrders, settings.orders);
  const m = amountScore(facts.netFen, settings.spendFen);
  return { r, f, m, class: facts.netOrders > 0 ? rfmClassOf(r, f, m, settings.highCut) : NO_ORDER_CLASS };
}
