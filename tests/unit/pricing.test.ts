import { AppError } from '../../src/core/errors';
import { DELIVERY_FEE, FREE_SHIPPING_THRESHOLD, priceOrder } from '../../src/core/pricing';

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
