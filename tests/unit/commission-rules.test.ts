import { accrueEntryId, commissionOf, isPeriod, isValidRateBps, reversalOf, reverseEntryId } from '../../src/core/commission/rules';

describe('commission rules', () => {
  it('accrues floor(base × rate / 10 000), nothing for a zero or invalid rate or base', () => {
    expect(commissionOf(11700, 300)).toBe(351);
    expect(commissionOf(999, 150)).toBe(14); // 14.985 → 14
    expect(commissionOf(0, 300)).toBe(0);
    expect(commissionOf(-5, 300)).toBe(0);
    expect(commissionOf(10000, 0)).toBe(0);
    expect(commissionOf(10000, 10001)).toBe(0);
    expect(commissionOf(10000, 2.5)).toBe(0);
    expect(commissionOf(10000, 10000)).toBe(10000);
    expect(isValidRateBps(500)).toBe(true);
    expect(isValidRateBps(-1)).toBe(false);
  });

  it('reverses in proportion to the cumulative refund, the refund completing the order taking exactly the remainder', () => {
    const accruedFen = 351;
    const paid = 11700;
    // 39.00 of 117.00: floor(351 × 3900 / 11700) = 117
    const first = reversalOf({ accruedFen, reversedFen: 0, refundedBeforeFen: 0, refundedFen: 3900, orderPaidFen: paid });
    expect(first).toBe(117);
    // then 10.50: floor(351 × 4950 / 11700) = 148 → 31 more
    const second = reversalOf({ accruedFen, reversedFen: first, refundedBeforeFen: 3900, refundedFen: 1050, orderPaidFen: paid });
    expect(second).toBe(31);
    // the rest of the money: exactly what is left
    const last = reversalOf({ accruedFen, reversedFen: first + second, refundedBeforeFen: 4950, refundedFen: paid - 4950, orderPaidFen: paid });
    expect(first + second + last).toBe(accruedFen);
    // an order-ending refund with `final` takes the remainder whatever its amount
    expect(reversalOf({ accruedFen, reversedFen: 100, refundedBeforeFen: 100, refundedFen: 1, orderPaidFen: paid, final: true })).toBe(251);
  });

  it('never reverses below zero nor more than accrued', () => {
    expect(reversalOf({ accruedFen: 10, reversedFen: 10, refundedBeforeFen: 0, refundedFen: 999, orderPaidFen: 1000 })).toBe(0);
    expect(reversalOf({ accruedFen: 10, reversedFen: 0, refundedBeforeFen: 0, refundedFen: 5000, orderPaidFen: 1000 })).toBe(10);
    expect(reversalOf({ accruedFen: 10, reversedFen: 0, refundedBeforeFen: 0, refundedFen: -50, orderPaidFen: 1000 })).toBe(0);
    expect(reversalOf({ accruedFen: 0, reversedFen: 0, refundedBeforeFen: 0, refundedFen: 1000, orderPaidFen: 1000, final: true })).toBe(0);
    // many tiny refunds never drift: the sum of their shares is the proportional total
    let reversed = 0;
    let refunded = 0;
    for (let i = 0; i < 99; i += 1) {
      reversed += reversalOf({ accruedFen: 7, reversedFen: reversed, refundedBeforeFen: refunded, refundedFen: 10, orderPaidFen: 1000 });
      refunded += 10;
    }
    expect(reversed).toBe(Math.floor((7 * 990) / 1000));
    reversed += reversalOf({ accruedFen: 7, reversedFen: reversed, refundedBeforeFen: refunded, refundedFen: 10, orderPaidFen: 1000 });
    expect(reversed).toBe(7);
  });

  it('names entries by their cause and periods as YYYY-MM', () => {
    expect(accrueEntryId('guide', 'g1', 'o1')).toBe('guide:g1:o1:accrue');
    expect(reverseEntryId('leader', 'l1', 'o1', 'Ro1-2')).toBe('leader:l1:o1:reverse:Ro1-2');
    expect(isPeriod('2025-01')).toBe(true);
    expect(isPeriod('2025-13')).toBe(false);
    expect(isPeriod('2025-1')).toBe(false);
  });
});
