import { bestCoupon, checkCoupon, rankCoupons, type CouponMiss } from '../../src/core/coupon/check';
import { ruleDiscount, type CouponCart } from '../../src/core/coupon/discount';
import { couponMissError } from '../../src/core/coupon/errors';
import { couponFromTemplate } from '../../src/core/coupon/issue';
import { ruleLabel, yuanText } from '../../src/core/coupon/labels';
import type { Coupon, CouponRule, CouponTemplateDoc } from '../../src/core/coupon/types';
import { validityWindow } from '../../src/core/coupon/validity';
import { effectiveStatus } from '../../src/core/coupon/view';

const NOW = Date.UTC(2025, 0, 6, 2, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

const cart = (lines: CouponCart['lines'], memberDiscountBps = 0, fulfillment: CouponCart['fulfillment'] = 'pickup'): CouponCart => ({
  lines,
  fulfillment,
  memberDiscountBps,
});
const line = (skuId: string, unitPrice: number, quantity = 1) => ({ skuId, unitPrice, quantity });

let serial = 0;
function coupon(rule: CouponRule, over: Partial<Coupon> = {}): Coupon {
  serial += 1;
  return {
    _id: `c${String(serial).padStart(3, '0')}`,
    openid: 'u1',
    templateId: 't',
    source: 'claim',
    title: 'coupon',
    rule,
    inStoreOnly: false,
    status: 'AVAILABLE',
    validFrom: NOW - DAY,
    validUntil: NOW + 7 * DAY,
    code: '100000000000',
    issuedAt: NOW - DAY,
    orderId: null,
    lockedAt: null,
    usedAt: null,
    usedStoreId: null,
    verifiedBy: null,
    updatedAt: NOW - DAY,
    ...over,
  };
}

const amount = (amountOff: number, threshold = 0): CouponRule => ({ kind: 'amount', amountOff, threshold });
const percent = (offBps: number, maxOff: number | null = null, threshold = 0): CouponRule => ({ kind: 'percent', offBps, maxOff, threshold });
const freeItem = (skuId: string, threshold = 0): CouponRule => ({ kind: 'freeItem', skuId, threshold });

describe('coupon discounts (integer fen)', () => {
  const cases: Array<{ name: string; rule: CouponRule; cart: CouponCart; expected: number | string }> = [
    { name: '满99减10 at exactly 99', rule: amount(1000, 9900), cart: cart([line('a', 3300, 3)]), expected: 1000 },
    { name: '满99减10 one fen short', rule: amount(1000, 9900), cart: cart([line('a', 9899)]), expected: 'BELOW_THRESHOLD' },
    { name: 'threshold counts goods after the member discount', rule: amount(1000, 9900), cart: cart([line('a', 10000)], 200), expected: 'BELOW_THRESHOLD' },
    { name: 'threshold ignores shipping', rule: amount(500, 5000), cart: cart([line('a', 4500)], 0, 'delivery'), expected: 'BELOW_THRESHOLD' },
    { name: '9折 of 123.45 rounds down', rule: percent(1000), cart: cart([line('a', 12345)]), expected: 1234 },
    { name: '9折 capped at 20', rule: percent(1000, 2000), cart: cart([line('a', 50000)]), expected: 2000 },
    { name: '9折 under the cap', rule: percent(1000, 2000), cart: cart([line('a', 15000)]), expected: 1500 },
    { name: '8.5折 on member-discounted goods', rule: percent(1500), cart: cart([line('a', 10000)], 500), expected: 1425 },
    { name: 'percent of 1 fen is 0', rule: percent(1000), cart: cart([line('a', 1)]), expected: 0 },
    { name: 'free item: one unit of several', rule: freeItem('b'), cart: cart([line('a', 5000), line('b', 1200, 3)]), expected: 1200 },
    { name: 'free item at the member price', rule: freeItem('b'), cart: cart([line('a', 5000), line('b', 1299)], 1000), expected: 1170 },
    { name: 'free item missing', rule: freeItem('b'), cart: cart([line('a', 5000)]), expected: 'ITEM_MISSING' },
    { name: 'free item with a threshold not met', rule: freeItem('b', 3000), cart: cart([line('b', 1200)]), expected: 'BELOW_THRESHOLD' },
    { name: 'amount larger than the goods leaves 1 fen (pickup)', rule: amount(5000), cart: cart([line('a', 1200)]), expected: 1199 },
    { name: 'amount larger than the goods takes all goods when shipping is due', rule: amount(5000), cart: cart([line('a', 1200)], 0, 'delivery'), expected: 1200 },
    { name: 'free item that is the whole pickup order leaves 1 fen', rule: freeItem('b'), cart: cart([line('b', 1200)]), expected: 1199 },
  ];
  it.each(cases)('$name', ({ rule, cart: c, expected }) => {
    expect(ruleDiscount(rule, c)).toBe(expected);
  });

  it('is always a whole number of fen within the goods', () => {
    for (const price of [1, 3, 99, 777, 9999, 123457]) {
      for (const bps of [1, 333, 1000, 2500, 9999]) {
        const d = ruleDiscount(percent(bps), cart([line('a', price, 3)], 850));
        expect(Number.isSafeInteger(d)).toBe(true);
        expect(d as number).toBeLessThanOrEqual(price * 3);
      }
    }
  });
});

describe('checkCoupon: which coupons apply', () => {
  const c = cart([line('a', 10000)]);
  const cases: Array<{ name: string; over: Partial<Coupon>; rule?: CouponRule; reason: CouponMiss | null }> = [
    { name: 'an available coupon in its window', over: {}, reason: null },
    { name: 'used', over: { status: 'USED' }, reason: 'USED' },
    { name: 'locked by an unpaid order', over: { status: 'LOCKED' }, reason: 'LOCKED' },
    { name: 'marked expired', over: { status: 'EXPIRED' }, reason: 'EXPIRED' },
    { name: 'past its end (not yet marked)', over: { validUntil: NOW }, reason: 'EXPIRED' },
    { name: 'one ms before its end', over: { validUntil: NOW + 1 }, reason: null },
    { name: 'not started', over: { validFrom: NOW + 1 }, reason: 'NOT_STARTED' },
    { name: 'in-store only', over: { inStoreOnly: true }, reason: 'IN_STORE_ONLY' },
    { name: 'below its threshold', over: {}, rule: amount(1000, 20000), reason: 'BELOW_THRESHOLD' },
    { name: 'a free item not in the cart', over: {}, rule: freeItem('zz'), reason: 'ITEM_MISSING' },
    { name: 'worth a single fen', over: {}, rule: percent(1, null), reason: null },
  ];
  it.each(cases)('$name', ({ over, rule, reason }) => {
    const result = checkCoupon(coupon(rule ?? amount(1000), over), c, NOW);
    if (reason === null) expect(result.usable).toBe(true);
    else expect(result).toEqual({ usable: false, reason });
  });

  it('refuses a coupon whose discount rounds to 0 fen', () => {
    expect(checkCoupon(coupon(percent(1)), cart([line('a', 100)]), NOW)).toEqual({ usable: false, reason: 'NO_DISCOUNT' });
  });

  it('maps each refusal to a stable code', () => {
    expect(couponMissError('c', 'USED').code).toBe('COUPON_USED');
    expect(couponMissError('c', 'LOCKED').code).toBe('COUPON_LOCKED');
    expect(couponMissError('c', 'EXPIRED').code).toBe('COUPON_EXPIRED');
    expect(couponMissError('c', 'NOT_STARTED').code).toBe('COUPON_NOT_STARTED');
    expect(couponMissError('c', 'BELOW_THRESHOLD')).toMatchObject({ code: 'COUPON_NOT_APPLICABLE', details: { reason: 'BELOW_THRESHOLD' } });
  });
});

describe('bestCoupon', () => {
  const c = cart([line('a', 15000), line('b', 2500)]);

  it('takes the largest discount', () => {
    const small = coupon(amount(500, 5000));
    const big = coupon(percent(1000, 2000));
    const free = coupon(freeItem('b'));
    expect(bestCoupon([small, big, free], c, NOW)).toEqual({ coupon: free, discount: 2500 });
    expect(bestCoupon([small, big], c, NOW)).toEqual({ coupon: big, discount: 1750 });
  });

  it('breaks a tie by the soonest expiry, then by id', () => {
    const later = coupon(amount(1000), { validUntil: NOW + 5 * DAY });
    const sooner = coupon(amount(1000), { validUntil: NOW + 2 * DAY });
    const soonerTwin = coupon(amount(1000), { validUntil: NOW + 2 * DAY });
    expect(bestCoupon([later, soonerTwin, sooner], c, NOW)?.coupon._id).toBe(sooner._id);
  });

  it('compares discounts after the cap (two coupons worth more than the goods tie)', () => {
    const huge = coupon(amount(90000), { validUntil: NOW + 5 * DAY });
    const large = coupon(amount(50000), { validUntil: NOW + 1 * DAY });
    const small = cart([line('a', 1000)]);
    expect(bestCoupon([huge, large], small, NOW)).toEqual({ coupon: large, discount: 999 });
  });

  it('answers null when nothing applies', () => {
    expect(bestCoupon([coupon(amount(1000, 99999)), coupon(amount(1000), { status: 'USED' })], c, NOW)).toBeNull();
    expect(bestCoupon([], c, NOW)).toBeNull();
  });

  it('ranks usable coupons first, then the rest', () => {
    const unusable = coupon(amount(5000, 99999));
    const usable = coupon(amount(100));
    expect(rankCoupons([unusable, usable], c, NOW).map((o) => [o.coupon._id, o.check.usable])).toEqual([
      [usable._id, true],
      [unusable._id, false],
    ]);
  });
});

describe('issuing and showing', () => {
  const template: CouponTemplateDoc = {
    title: '满99减10',
    description: '',
    rule: amount(1000, 9900),
    validity: { type: 'relative', days: 30 },
    totalQuantity: null,
    claimed: 0,
    perMemberLimit: 1,
    claimable: false,
    inStoreOnly: false,
    status: 'ACTIVE',
    sort: 0,
    createdAt: 0,
    updatedAt: 0,
  };

  it('snapshots the rule and runs a relative window from issue', () => {
    const doc = couponFromTemplate(template, { openid: 'u1', templateId: 't', source: 'join', code: '123456789012' }, NOW);
    expect(doc).toMatchObject({ status: 'AVAILABLE', rule: template.rule, validFrom: NOW, validUntil: NOW + 30 * DAY, orderId: null });
  });

  it('uses an absolute window as it is', () => {
    expect(validityWindow({ type: 'absolute', from: 5, until: 10 }, NOW)).toEqual({ validFrom: 5, validUntil: 10 });
  });

  it('shows an available coupon past its end as expired', () => {
    expect(effectiveStatus({ status: 'AVAILABLE', validUntil: NOW }, NOW)).toBe('EXPIRED');
    expect(effectiveStatus({ status: 'AVAILABLE', validUntil: NOW + 1 }, NOW)).toBe('AVAILABLE');
    expect(effectiveStatus({ status: 'USED', validUntil: NOW }, NOW)).toBe('USED');
  });

  it.each<[CouponRule, string]>([
    [amount(1000, 9900), '满99减10'],
    [amount(500), '无门槛减5'],
    [amount(1050, 5000), '满50减10.5'],
    [percent(1000, 2000), '9折 最高减20'],
    [percent(1500, null, 10000), '满100 8.5折'],
    [freeItem('x'), '赠品券'],
    [freeItem('x', 3000), '满30赠1件'],
  ])('labels %j as %s', (rule, label) => {
    expect(ruleLabel(rule)).toBe(label);
  });

  it('writes yuan without trailing zeros', () => {
    expect([yuanText(1000), yuanText(1050), yuanText(1005), yuanText(5)]).toEqual(['10', '10.5', '10.05', '0.05']);
  });
});
