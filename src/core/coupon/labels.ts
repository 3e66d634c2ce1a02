import type { Fen } from '../money';
import type { CouponRule, CouponValidity } from './types';

/** 1000 → "10", 1050 → "10.5", 1005 → "10.05": yuan without trailing zeros, for coupon faces. */
export function yuanText(fen: Fen): string {
  const yuan = Math.floor(fen / 100);
  const cents = fen % 100;
  if (cents === 0) return String(yuan);
  return `${yuan}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** 1000 bps off → "9", 1500 → "8.5": the Chinese 折 number. */
export function zheText(offBps: number): string {
  const tenths = (10000 - offBps) / 1000;
  return String(Math.round(tenths * 100) / 100);
}

/** The coupon's face: "满99减10", "无门槛减5", "9折 最高减20", "赠品券". */
export function ruleLabel(rule: CouponRule): string {
  const threshold = rule.threshold > 0 ? `满${yuanText(rule.threshold)}` : '无门槛';
  switch (rule.kind) {
    case 'amount':
      return `${threshold}减${yuanText(rule.amountOff)}`;
    case 'percent':
      return `${rule.threshold > 0 ? `${threshold} ` : ''}${zheText(rule.offBps)}折${rule.maxOff !== null ? ` 最高减${yuanText(rule.maxOff)}` : ''}`;
    case 'freeItem':
      return rule.threshold > 0 ? `${threshold}赠1件` : '赠品券';
  }
}

/** "领取后30天内有效" or the absolute window's end; dates are formatted by the client. */
export function validityLabel(validity: CouponValidity): string {
  return validity.type === 'relative' ? `领取后${validity.days}天内有效` : '限时有效';
}

/** "指定商品可用" for a coupon limited to products (or a free item), else "全场通用". */
export function scopeLabel(rule: CouponRule): string {
  if (rule.kind === 'freeItem') return '指定商品可用';
  return rule.productIds && rule.productIds.length > 0 ? '指定商品可用' : '全场通用';
}
