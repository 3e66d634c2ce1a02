import { seededRandom } from '../../src/core/seeded-random';
import { allocatePayout, giftForfeitFor, needsCustomerConfirm, planRefusal, refundSplit, spendSplit, takeFromLots, walletCause } from '../../src/core/wallet';

describe('wallet rules', () => {
  it('spends gift first, all or nothing', () => {
    expect(spendSplit({ principalFen: 10000, giftFen: 1000 }, 2500)).toEqual({ giftFen: 1000, principalFen: 1500 });
    expect(spendSplit({ principalFen: 10000, giftFen: 1000 }, 800)).toEqual({ giftFen: 800, principalFen: 0 });
    expect(spendSplit({ principalFen: 100, giftFen: 10 }, 111)).toBeNull();
  });

  it('refund split: every sequence of partial refunds returns exactly what was taken, never more per bucket', () => {
    const random = seededRandom(14);
    for (let i = 0; i < 2000; i += 1) {
      const taken = { principalFen: Math.floor(random() * 5000), giftFen: Math.floor(random() * 5000) };
      const total = taken.principalFen + taken.giftFen;
      let returned = { principalFen: 0, giftFen: 0 };
      let left = total;
      while (left > 0) {
        const amount = Math.min(left, 1 + Math.floor(random() * (total / 2 + 1)));
        const split = refundSplit(taken, returned, amount);
        expect(split.principalFen + split.giftFen).toBe(amount);
        expect(split.principalFen).toBeGreaterThanOrEqual(0);
        expect(split.giftFen).toBeGreaterThanOrEqual(0);
        returned = { principalFen: returned.principalFen + split.principalFen, giftFen: returned.giftFen + split.giftFen };
        expect(returned.principalFen).toBeLessThanOrEqual(taken.principalFen);
        expect(returned.giftFen).toBeLessThanOrEqual(taken.giftFen);
        left -= amount;
      }
      expect(returned).toEqual(taken);
    }
  });

  it('forfeits the gift in proportion to the principal refunded (all of it with all the principal)', () => {
    expect(giftForfeitFor({ principalFen: 10000, giftFen: 1000 }, 10000)).toBe(1000);
    expect(giftForfeitFor({ principalFen: 10000, giftFen: 1000 }, 5000)).toBe(500);
    expect(giftForfeitFor({ principalFen: 3, giftFen: 1 }, 1)).toBe(1); // rounded up
    expect(giftForfeitFor({ principalFen: 0, giftFen: 500 }, 0)).toBe(0);
  });

  it('pays principal back to the top-up trades newest first, each at most what it took', () => {
    const payments = [
      { orderId: 'o1', outTradeNo: 'o1', paidFen: 10000, refundedFen: 0, paidAt: 1 },
      { orderId: 'o2', outTradeNo: 'o2', paidFen: 5000, refundedFen: 1000, paidAt: 2 },
    ];
    expect(allocatePayout(payments, 6000)).toEqual([
      { orderId: 'o2', outTradeNo: 'o2', amountFen: 4000, totalFen: 5000 },
      { orderId: 'o1', outTradeNo: 'o1', amountFen: 2000, totalFen: 10000 },
    ]);
    expect(allocatePayout(payments, 14001)).toBeNull();
  });

  it('takes gift from the soonest-expiring lot first', () => {
    const lots = [
      { id: 'a', fen: 300, expiresAt: null },
      { id: 'b', fen: 200, expiresAt: 100 },
    ];
    expect(takeFromLots(lots, 250)).toEqual({ lots: [{ id: 'a', fen: 250, expiresAt: null }], latestExpiryTaken: null });
    expect(takeFromLots(lots, 150)).toEqual({ lots: [{ id: 'b', fen: 50, expiresAt: 100 }, { id: 'a', fen: 300, expiresAt: null }], latestExpiryTaken: 100 });
  });

  it('plans, threshold and causes', () => {
    const plan = { planId: 'p', title: 't', payFen: 100, giftFen: 0, perMemberLimit: 1, validUntil: 50, giftValidDays: null, active: true };
    expect(planRefusal(plan, 0, 10)).toBeNull();
    expect(planRefusal(plan, 1, 10)).toBe('PLAN_LIMIT_REACHED');
    expect(planRefusal(plan, 0, 50)).toBe('PLAN_EXPIRED');
    expect(planRefusal(null, 0, 0)).toBe('PLAN_NOT_FOUND');
    expect(needsCustomerConfirm(20000, 20000)).toBe(false);
    expect(needsCustomerConfirm(20001, 20000)).toBe(true);
    expect(walletCause.spend('o1')).toBe(walletCause.spend('o1'));
  });
});
