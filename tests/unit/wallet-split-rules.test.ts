import { seededRandom } from '../../src/core/seeded-random';
import { cashDueOf, splitRefundParts, splitRefusal } from '../../src/core/wallet/split';

describe('split payment rules (core/wallet/split)', () => {
  it('the WeChat trade is for the payable less the held wallet part', () => {
    expect(cashDueOf({ amounts: { payable: 12800 } })).toBe(12800);
    expect(cashDueOf({ amounts: { payable: 12800 }, walletHold: { fen: 11000 } })).toBe(1800);
  });

  it('a split needs a balance short of the order', () => {
    expect(splitRefusal(0, 100)).toBe('WALLET_INSUFFICIENT');
    expect(splitRefusal(100, 100)).toBe('WALLET_COVERS_ORDER');
    expect(splitRefusal(99, 100)).toBeNull();
  });

  it('property: any sequence of refunds up to the total gives back exactly the wallet part and the WeChat part, never more to either', () => {
    const random = seededRandom(14);
    for (let trial = 0; trial < 500; trial += 1) {
      const walletFen = Math.floor(random() * 50000);
      const cashFen = 1 + Math.floor(random() * 50000);
      const total = walletFen + cashFen;
      let allocated = { walletFen: 0, cashFen: 0 };
      let refunded = 0;
      while (refunded < total) {
        const amount = Math.min(total - refunded, 1 + Math.floor(random() * total));
        const parts = splitRefundParts({ walletFen, cashFen }, allocated, amount);
        expect(parts.walletFen).toBeGreaterThanOrEqual(0);
        expect(parts.cashFen).toBeGreaterThanOrEqual(0);
        expect(parts.walletFen + parts.cashFen).toBe(amount);
        allocated = { walletFen: allocated.walletFen + parts.walletFen, cashFen: allocated.cashFen + parts.cashFen };
        expect(allocated.walletFen).toBeLessThanOrEqual(walletFen);
        expect(allocated.cashFen).toBeLessThanOrEqual(cashFen);
        refunded += amount;
      }
      expect(allocated).toEqual({ walletFen, cashFen });
    }
  });

  it('a whole refund in one go divides exactly; a half divides in proportion', () => {
    expect(splitRefundParts({ walletFen: 11000, cashFen: 1800 }, { walletFen: 0, cashFen: 0 }, 12800)).toEqual({ walletFen: 11000, cashFen: 1800 });
    expect(splitRefundParts({ walletFen: 3000, cashFen: 7000 }, { walletFen: 0, cashFen: 0 }, 5000)).toEqual({ walletFen: 1500, cashFen: 3500 });
  });
});
