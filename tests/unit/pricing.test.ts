import { AppError } from '../../src/core/errors';
import { DELIVERY_FEE, FREE_SHIPPING_THRESHOLD, maxCouponDiscount, priceOrder } from '../../src/core/pricing';

describe('priceOrder', () => {
  const cases: Array<{
    name: string;
    lines: Array<{ unitPrice: number; quantity: number }>;
    fulfillment: 'delivery' | 'pickup';
    bps?: number;
    expected: { itemsTotal: number; discount: number; shippingFee: number; payable: number };
  }> = [
    { name: 'delivery below the threshold pays the fee', lines: [{ unitPrice: 2500, quantity: 2 }], fulfillment: 'delivery', expected: { itemsTotal: 5000, discount: 0, shippingFee: 800, payable: 5800 } },
    { name: 'delivery one fen below the threshold', lines: [{ unitPrice: 9899, quantity: 1 }], fulfillment: 'delivery', expected: { itemsTotal: 9899, discount: 0, shippingFee: 800, payable: 10699 } },
    { name: 'delivery exactly at the threshold ships free', lines: [{ unitPrice: 3300, quantity: 3 }], fulfillment: 'delivery', expected: { itemsTotal: 9900, discount: 0, shippingFee: 0, payable: 9900 } },
    { name: 'delivery above the threshold ships free', lines: [{ unitPrice: 5000, quantity: 1 }, { unitPrice: 6000, quantity: 1 }], fulfillment: 'delivery', expected: { itemsTotal: 11000, discount: 0, shippingFee: 0, payable: 11000 } },
    { name: 'pickup never pays shipping', lines: [{ unitPrice: 100, quantity: 1 }], fulfillment: 'pickup', expected: { itemsTotal: 100, discount: 0, shippingFee: 0, payable: 100 } },
    { name: 'member discount in basis points', lines: [{ unitPrice: 20000, quantity: 1 }], fulfillment: 'pickup', bps: 500, expected: { itemsTotal: 20000, discount: 1000, shippingFee: 0, payable: 19000 } },
    { name: 'discount rounds down to the fen', lines: [{ unitPrice: 999, quantity: 1 }], fulfillment: 'pickup', bps: 333, expected: { itemsTotal: 999, discount: 33, shippingFee: 0, payable: 966 } },
    { name: 'discount that takes the goods below the threshold brings the fee back', lines: [{ unitPrice: 10000, quantity: 1 }], fulfillment: 'delivery', bps: 200, expected: { itemsTotal: 10000, discount: 200, shippingFee: 800, payable: 10600 } },
    { name: 'full discount', lines: [{ unitPrice: 1234, quantity: 2 }], fulfillment: 'pickup', bps: 10000, expected: { itemsTotal: 2468, discount: 2468, shippingFee: 0, payable: 0 } },
    { name: 'free items', lines: [{ unitPrice: 0, quantity: 5 }], fulfillment: 'delivery', expected: { itemsTotal: 0, discount: 0, shippingFee: 800, payable: 800 } },
  ];

  it.each(cases)('$name', ({ lines, fulfillment, bps, expected }) => {
    expect(priceOrder({ lines, fulfillment, memberDiscountBps: bps })).toEqual(expected);
  });

  it('uses the pinned fee and threshold', () => {
    expect(DELIVERY_FEE).toBe(800);
    expect(FREE_SHIPPING_THRESHOLD).toBe(9900);
  });

  it('answers integers for every combination of prices and discounts', () => {
    for (const unitPrice of [1, 7, 99, 1001, 9899, 12345]) {
      for (const bps of [0, 1, 333, 850, 9999]) {
        const amounts = priceOrder({ lines: [{ unitPrice, quantity: 3 }], fulfillment: 'delivery', memberDiscountBps: bps });
        for (const value of Object.values(amounts)) expect(Number.isSafeInteger(value)).toBe(true);
        expect(amounts.payable).toBe(amounts.itemsTotal - amounts.discount + amounts.shippingFee);
        expect(amounts.discount).toBeLessThanOrEqual((amounts.itemsTotal * bps) / 10000);
      }
    }
  });

  const refusals: Array<{ name: string; input: Parameters<typeof priceOrder>[0]; code: string }> = [
    { name: 'a fractional price', input: { lines: [{ unitPrice: 9.9, quantity: 1 }], fulfillment: 'pickup' }, code: 'AMOUNT_INVALID' },
    { name: 'a negative price', input: { lines: [{ unitPrice: -1, quantity: 1 }], fulfillment: 'pickup' }, code: 'AMOUNT_INVALID' },
    { name: 'NaN price', input: { lines: [{ unitPrice: Number.NaN, quantity: 1 }], fulfillment: 'pickup' }, code: 'AMOUNT_INVALID' },
    { name: 'a fractional quantity', input: { lines: [{ unitPrice: 100, quantity: 1.5 }], fulfillment: 'pickup' }, code: 'QUANTITY_INVALID' },
    { name: 'a zero quantity', input: { lines: [{ unitPrice: 100, quantity: 0 }], fulfillment: 'pickup' }, code: 'QUANTITY_INVALID' },
    { name: 'no lines', input: { lines: [], fulfillment: 'pickup' }, code: 'QUANTITY_INVALID' },
    { name: 'a fractional discount', input: { lines: [{ unitPrice: 100, quantity: 1 }], fulfillment: 'pickup', memberDiscountBps: 12.5 }, code: 'AMOUNT_INVALID' },
    { name: 'a discount above 100%', input: { lines: [{ unitPrice: 100, quantity: 1 }], fulfillment: 'pickup', memberDiscountBps: 10001 }, code: 'AMOUNT_INVALID' },
    { name: 'a negative discount', input: { lines: [{ unitPrice: 100, quantity: 1 }], fulfillment: 'pickup', memberDiscountBps: -1 }, code: 'AMOUNT_INVALID' },
  ];

  it.each(refusals)('refuses $name with $code', ({ input, code }) => {
    let thrown: unknown;
    try {
      priceOrder(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).code).toBe(code);
  });
});

describe('priceOrder with a coupon discount', () => {
  const cases: Array<{
    name: string;
    lines: Array<{ unitPrice: number; quantity: number }>;
    fulfillment: 'delivery' | 'pickup';
    bps?: number;
    coupon: number;
    expected: { itemsTotal: number; discount: number; shippingFee: number; couponDiscount: number; payable: number };
  }> = [
    { name: 'comes off after the member discount', lines: [{ unitPrice: 10000, quantity: 1 }], fulfillment: 'pickup', bps: 500, coupon: 1000, expected: { itemsTotal: 10000, discount: 500, shippingFee: 0, couponDiscount: 1000, payable: 8500 } },
    { name: 'does not bring shipping back (the threshold looks at goods before the coupon)', lines: [{ unitPrice: 10000, quantity: 1 }], fulfillment: 'delivery', coupon: 1000, expected: { itemsTotal: 10000, discount: 0, shippingFee: 0, couponDiscount: 1000, payable: 9000 } },
    { name: 'a zero coupon is carried as zero', lines: [{ unitPrice: 500, quantity: 1 }], fulfillment: 'pickup', coupon: 0, expected: { itemsTotal: 500, discount: 0, shippingFee: 0, couponDiscount: 0, payable: 500 } },
    { name: 'leaves 1 fen to pay on pickup', lines: [{ unitPrice: 1200, quantity: 1 }], fulfillment: 'pickup', coupon: 1200, expected: { itemsTotal: 1200, discount: 0, shippingFee: 0, couponDiscount: 1199, payable: 1 } },
    { name: 'takes at most the goods when shipping is due', lines: [{ unitPrice: 1200, quantity: 1 }], fulfillment: 'delivery', coupon: 5000, expected: { itemsTotal: 1200, discount: 0, shippingFee: 800, couponDiscount: 1200, payable: 800 } },
    { name: 'takes nothing from goods the member discount made free', lines: [{ unitPrice: 1200, quantity: 1 }], fulfillment: 'pickup', bps: 10000, coupon: 500, expected: { itemsTotal: 1200, discount: 1200, shippingFee: 0, couponDiscount: 0, payable: 0 } },
  ];

  it.each(cases)('$name', ({ lines, fulfillment, bps, coupon, expected }) => {
    expect(priceOrder({ lines, fulfillment, memberDiscountBps: bps, couponDiscount: coupon })).toEqual(expected);
  });

  it('omits couponDiscount when no coupon was given', () => {
    expect(priceOrder({ lines: [{ unitPrice: 100, quantity: 1 }], fulfillment: 'pickup' })).not.toHaveProperty('couponDiscount');
  });

  it('keeps payable = items − discount − coupon + shipping and ≥ 1 fen when a coupon took anything', () => {
    for (const unitPrice of [1, 2, 99, 1001, 9899, 12345]) {
      for (const coupon of [0, 1, 500, 9999, 50000]) {
        for (const fulfillment of ['delivery', 'pickup'] as const) {
          const a = priceOrder({ lines: [{ unitPrice, quantity: 1 }], fulfillment, memberDiscountBps: 850, couponDiscount: coupon });
          expect(a.payable).toBe(a.itemsTotal - a.discount - a.couponDiscount! + a.shippingFee);
          expect(a.couponDiscount!).toBeLessThanOrEqual(coupon);
          expect(a.couponDiscount!).toBeLessThanOrEqual(a.itemsTotal - a.discount);
          if (a.couponDiscount! > 0) expect(a.payable).toBeGreaterThanOrEqual(1);
        }
      }
    }
  });

  it('caps a coupon at the goods, leaving 1 fen payable', () => {
    expect(maxCouponDiscount(1000, 0)).toBe(999);
    expect(maxCouponDiscount(1000, 800)).toBe(1000);
    expect(maxCouponDiscount(0, 0)).toBe(0);
    expect(maxCouponDiscount(0, 800)).toBe(0);
  });

  it.each([
    ['a fractional coupon', 9.5],
    ['a negative coupon', -1],
  ])('refuses %s with AMOUNT_INVALID', (_name, coupon) => {
    expect(() => priceOrder({ lines: [{ unitPrice: 100, quantity: 1 }], fulfillment: 'pickup', couponDiscount: coupon })).toThrow(
      expect.objectContaining({ code: 'AMOUNT_INVALID' }),
    );
  });
});
