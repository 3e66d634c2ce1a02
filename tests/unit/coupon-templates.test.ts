import { checkCoupon } from '../../src/core/coupon/check';
import { ruleDiscount } from '../../src/core/coupon/discount';
import { checkInStore } from '../../src/core/coupon/in-store';
import { ruleLabel, scopeLabel } from '../../src/core/coupon/labels';
import { templateIssues } from '../../src/core/coupon/template-rules';
import type { CouponRule } from '../../src/core/coupon/types';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

/** 乌龙茶 2 × 29.00 + 月饼 128.00, picked up. */
const cart = (memberDiscountBps = 0) => ({
  lines: [
    { skuId: 'sku-tea', productId: 'p-tea', unitPrice: 2900, quantity: 2 },
    { skuId: 'sku-cake', productId: 'p-cake', unitPrice: 12800, quantity: 1 },
  ],
  fulfillment: 'pickup' as const,
  memberDiscountBps,
});

describe('coupon product scope (指定商品)', () => {
  const scoped = (rule: Partial<CouponRule> & { kind: 'amount' | 'percent' }): CouponRule => ({ threshold: 0, productIds: ['p-tea'], ...rule }) as CouponRule;

  it('measures the threshold on the scoped products only', () => {
    expect(ruleDiscount(scoped({ kind: 'amount', amountOff: 1000, threshold: 6000 }), cart())).toBe('BELOW_THRESHOLD');
    expect(ruleDiscount(scoped({ kind: 'amount', amountOff: 1000, threshold: 5800 }), cart())).toBe(1000);
    // Unscoped, the whole order reaches it.
    expect(ruleDiscount({ kind: 'amount', amountOff: 1000, threshold: 6000 }, cart())).toBe(1000);
  });

  it('takes a percentage of the scoped goods after the member discount, never more than them', () => {
    expect(ruleDiscount(scoped({ kind: 'percent', offBps: 1000, maxOff: 10000 }), cart())).toBe(580);
    expect(ruleDiscount(scoped({ kind: 'percent', offBps: 1000, maxOff: 10000 }), cart(500))).toBe(551);
    expect(ruleDiscount(scoped({ kind: 'amount', amountOff: 9000 }), cart())).toBe(5800);
  });

  it('does not apply to an order without the products; an empty scope is the whole order', () => {
    const noTea = { ...cart(), lines: [cart().lines[1]] };
    expect(checkCoupon({ status: 'AVAILABLE', validFrom: 0, validUntil: NOW + DAY, inStoreOnly: false, rule: scoped({ kind: 'amount', amountOff: 100 }) }, noTea, NOW)).toEqual({
      usable: false,
      reason: 'NOT_IN_SCOPE',
    });
    expect(ruleDiscount({ kind: 'amount', amountOff: 100, threshold: 0, productIds: [] }, noTea)).toBe(100);
    // A line without a product id is outside every scope.
    expect(ruleDiscount(scoped({ kind: 'amount', amountOff: 100 }), { ...cart(), lines: [{ skuId: 'x', unitPrice: 5000, quantity: 1 }] })).toBe('NOT_IN_SCOPE');
  });

  it('in-store, staff judge the scope: the amount counts', () => {
    expect(checkInStore(scoped({ kind: 'amount', amountOff: 500, threshold: 3000 }), 4000)).toEqual({ meets: true, discount: 500 });
  });

  it('labels the scope', () => {
    expect(scopeLabel(scoped({ kind: 'amount', amountOff: 500 }))).toBe('指定商品可用');
    expect(scopeLabel({ kind: 'amount', amountOff: 500, threshold: 0 })).toBe('全场通用');
    expect(ruleLabel(scoped({ kind: 'amount', amountOff: 500, threshold: 3000 }))).toBe('满30减5');
  });
});

describe('template rules', () => {
  const terms = (over: object = {}) => ({
    rule: { kind: 'amount', amountOff: 500, threshold: 5000 } as CouponRule,
    validity: { type: 'relative' as const, days: 7 },
    totalQuantity: 100 as number | null,
    perMemberLimit: 1,
    ...over,
  });
  const codes = (over: object = {}, issued = 0) => templateIssues(terms(over) as never, NOW, issued).map((i) => i.code);

  it('accepts a valid template', () => {
    expect(codes()).toEqual([]);
    expect(codes({ rule: { kind: 'percent', offBps: 100, maxOff: 1, threshold: 0 }, totalQuantity: null })).toEqual([]);
    expect(codes({ rule: { kind: 'percent', offBps: 9900, maxOff: 1, threshold: 0 } })).toEqual([]);
    expect(codes({ validity: { type: 'absolute', from: NOW - DAY, until: NOW + DAY } })).toEqual([]);
  });

  it('names each broken rule', () => {
    expect(codes({ rule: { kind: 'percent', offBps: 99, maxOff: 100, threshold: 0 } })).toEqual(['COUPON_PERCENT_INVALID']);
    expect(codes({ rule: { kind: 'percent', offBps: 1000, maxOff: null, threshold: 0 } })).toEqual(['COUPON_CAP_INVALID']);
    expect(codes({ rule: { kind: 'amount', amountOff: 5000, threshold: 5000 } })).toEqual(['COUPON_AMOUNT_NOT_BELOW_THRESHOLD']);
    expect(codes({ rule: { kind: 'amount', amountOff: 5000, threshold: 0 } })).toEqual([]);
    expect(codes({ validity: { type: 'absolute', from: NOW + DAY, until: NOW + DAY } })).toEqual(['COUPON_VALIDITY_INVALID']);
    expect(codes({ validity: { type: 'absolute', from: NOW - DAY, until: NOW } })).toEqual(['COUPON_VALIDITY_ENDED']);
    expect(codes({ validity: { type: 'relative', days: 366 } })).toEqual(['COUPON_VALIDITY_INVALID']);
    expect(codes({ totalQuantity: 10 }, 11)).toEqual(['COUPON_QUANTITY_BELOW_ISSUED']);
    expect(codes({ totalQuantity: 11 }, 11)).toEqual([]);
    expect(codes({ perMemberLimit: 0 })).toEqual(['COUPON_LIMIT_INVALID']);
    expect(codes({ rule: { kind: 'amount', amountOff: 5, threshold: 0, productIds: ['a', 'a'] } })).toEqual(['COUPON_SCOPE_INVALID']);
  });
});
