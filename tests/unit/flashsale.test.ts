import { FlashSaleBuyInput, CreateFlashSaleInput, DEFAULT_FLASH_SALE_SHARDS } from '../../src/core/contracts/flashsale';
import { flashSaleOfOrder, flashSaleOrderDoc } from '../../src/core/flashsale/order';
import { effectiveShardCount, shardTryOrder, splitQuantity } from '../../src/core/flashsale/shards';
import { isEditable, saleState } from '../../src/core/flashsale/state';
import type { FlashSale } from '../../src/core/flashsale/types';
import { saleIssues, START_GRACE_MS, type SaleTerms } from '../../src/core/flashsale/validate';
import { saleTotals, toFlashSaleView } from '../../src/core/flashsale/view';
import type { Order } from '../../src/core/order/types';

const NOW = Date.UTC(2025, 0, 6, 2, 0, 0);
const MIN = 60_000;

describe('saleState', () => {
  const base = { startAt: NOW, endAt: NOW + 60 * MIN, stoppedAt: null, remaining: 5 };
  it.each([
    ['before the start', {}, NOW - 1, 'SCHEDULED'],
    ['at the start', {}, NOW, 'LIVE'],
    ['during', {}, NOW + 30 * MIN, 'LIVE'],
    ['at the end', {}, NOW + 60 * MIN, 'ENDED'],
    ['after the end', {}, NOW + 90 * MIN, 'ENDED'],
    ['sold out during', { remaining: 0 }, NOW + MIN, 'SOLD_OUT'],
    ['sold out, after the end', { remaining: 0 }, NOW + 90 * MIN, 'SOLD_OUT'],
    ['sold out, before the start (cannot sell: still scheduled)', { remaining: 0 }, NOW - 1, 'SCHEDULED'],
    ['stopped during', { stoppedAt: NOW + MIN }, NOW + 2 * MIN, 'ENDED'],
    ['stopped before the start', { stoppedAt: NOW - 5 * MIN }, NOW - MIN, 'ENDED'],
    ['stopped when sold out', { stoppedAt: NOW + MIN, remaining: 0 }, NOW + 2 * MIN, 'ENDED'],
  ] as const)('%s', (_name, over, now, expected) => {
    expect(saleState({ ...base, ...over }, now)).toBe(expected);
  });
  it('only SCHEDULED is editable', () => {
    expect(['SCHEDULED', 'LIVE', 'SOLD_OUT', 'ENDED'].filter((s) => isEditable(s as never))).toEqual(['SCHEDULED']);
  });
});

describe('saleIssues', () => {
  const terms: SaleTerms = { salePrice: 900, quantity: 10, startAt: NOW, endAt: NOW + 60 * MIN, perMemberLimit: 1, shards: 4, paymentMinutes: 5 };
  const sku = { price: 2900, available: 10 };
  const fields = (over: Partial<SaleTerms>, offer = sku) => saleIssues({ ...terms, ...over }, offer, NOW).map((i) => i.field);

  it('valid terms have no issue', () => expect(saleIssues(terms, sku, NOW)).toEqual([]));
  it.each([
    ['end before start', { endAt: NOW - 1 }, ['endAt']],
    ['end equal to start', { endAt: NOW }, ['endAt']],
    ['start in the past beyond the grace', { startAt: NOW - START_GRACE_MS - 1 }, ['startAt']],
    ['price zero', { salePrice: 0 }, ['salePrice']],
    ['price equal to the list price', { salePrice: 2900 }, ['salePrice']],
    ['price not an integer of fen', { salePrice: 9.9 }, ['salePrice']],
    ['quantity zero', { quantity: 0 }, ['quantity']],
    ['quantity above stock', { quantity: 11 }, ['quantity']],
    ['limit zero', { perMemberLimit: 0 }, ['perMemberLimit']],
    ['shards zero', { shards: 0 }, ['shards']],
    ['shards 33', { shards: 33 }, ['shards']],
    ['payment window 31 min', { paymentMinutes: 31 }, ['paymentMinutes']],
  ] as const)('%s', (_name, over, expected) => {
    expect(fields(over)).toEqual(expected);
  });
  it('accepts the edges: start within the grace, price one fen below, all stock, 1 and 32 shards', () => {
    expect(fields({ startAt: NOW - START_GRACE_MS, salePrice: 2899, quantity: 10, shards: 32 })).toEqual([]);
    expect(fields({ shards: 1, perMemberLimit: 1, quantity: 1 })).toEqual([]);
  });
  it('reports every broken rule at once, with Chinese messages', () => {
    const issues = saleIssues({ ...terms, salePrice: -1, quantity: 0, perMemberLimit: 0 }, sku, NOW);
    expect(issues.map((i) => i.field)).toEqual(['salePrice', 'quantity', 'perMemberLimit']);
    expect(issues[0]!.message).toMatch(/秒杀价/);
  });
});

describe('shards', () => {
  it('never uses more shards than units, nor fewer than one', () => {
    expect(effectiveShardCount(4, 10)).toBe(4);
    expect(effectiveShardCount(8, 3)).toBe(3);
    expect(effectiveShardCount(32, 1)).toBe(1);
  });
  it('splits the quantity evenly, the first shards taking the remainder', () => {
    expect(splitQuantity(10, 4)).toEqual([3, 3, 2, 2]);
    expect(splitQuantity(50, 8).reduce((a, b) => a + b, 0)).toBe(50);
    expect(splitQuantity(7, 1)).toEqual([7]);
  });
  it('tries a random shard first, then every other once', () => {
    expect(shardTryOrder(4, () => 0)).toEqual([0, 1, 2, 3]);
    expect(shardTryOrder(4, () => 0.6)).toEqual([2, 3, 0, 1]);
    expect(shardTryOrder(4, () => 0.999999)).toEqual([3, 0, 1, 2]);
    for (let i = 0; i < 50; i += 1) expect([...shardTryOrder(8)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('contract', () => {
  it('shards default to 4; requestId is 8–64 safe characters', () => {
    const parsed = CreateFlashSaleInput.parse({ skuId: 's', salePrice: 1, quantity: 1, startAt: NOW, endAt: NOW + 1, perMemberLimit: 1 });
    expect(parsed.shards).toBe(DEFAULT_FLASH_SALE_SHARDS);
    expect(FlashSaleBuyInput.safeParse({ saleId: 'fs_1', requestId: 'short' }).success).toBe(false);
    expect(FlashSaleBuyInput.safeParse({ saleId: 'fs_1', requestId: 'abcdefgh-1' }).success).toBe(true);
  });
});

describe('order and view', () => {
  const sale: FlashSale = {
    _id: 'fs_1',
    skuId: 'sku-1',
    productId: 'p-1',
    title: '',
    productName: '乌龙茶',
    skuName: '100g',
    image: 'a.png',
    listPrice: 2900,
    salePrice: 990,
    quantity: 10,
    startAt: NOW,
    endAt: NOW + 60 * MIN,
    stoppedAt: null,
    perMemberLimit: 2,
    shardCount: 4,
    paymentMinutes: 5,
    soldOut: false,
    settledAt: null,
    createdBy: 'ops',
    createdAt: NOW,
    updatedAt: NOW,
  };

  it('the order is one unit at the sale price, holds no catalog stock and expires after the payment window', () => {
    const doc = flashSaleOrderDoc({ sale, shard: 2, openid: 'u1', fulfillment: { type: 'pickup', storeId: 's', storeName: '店' }, requestId: 'r', requestKey: 'k', now: NOW });
    expect(doc).toMatchObject({
      status: 'PENDING_PAYMENT',
      items: [{ skuId: 'sku-1', productName: '乌龙茶', unitPrice: 990, quantity: 1, lineTotal: 990 }],
      amounts: { itemsTotal: 990, discount: 0, shippingFee: 0, payable: 990 },
      expiresAt: NOW + 5 * MIN,
      stockReleased: true,
      source: 'flashsale',
      flashSale: { saleId: 'fs_1', shard: 2 },
    });
    expect(flashSaleOfOrder({ ...doc, _id: 'o1' } as unknown as Order)).toEqual({ saleId: 'fs_1', shard: 2 });
    expect(flashSaleOfOrder({ ...doc, _id: 'o1', source: 'shop' } as unknown as Order)).toBeNull();
  });

  it('the view sums the shards; sold + remaining = quantity', () => {
    const shard = (remaining: number, sold: number, paid: number, returned = 0) =>
      ({ saleId: 'fs_1', shard: 0, allocated: remaining + sold + returned, remaining, sold, paid, refunded: 0, returned, closed: false, updatedAt: NOW });
    const totals = saleTotals([shard(1, 2, 1), shard(0, 3, 3), shard(2, 0, 0), shard(0, 0, 0, 2)]);
    expect(totals).toEqual({ sold: 5, paid: 4, available: 3, returned: 2 });
    const view = toFlashSaleView(sale, totals, { myCount: 1, reminded: true }, NOW + MIN);
    expect(view).toMatchObject({ saleId: 'fs_1', title: '乌龙茶', sold: 5, remaining: 5, paid: 4, state: 'LIVE', shards: 4, myCount: 1, reminded: true, serverNow: NOW + MIN });
    expect(toFlashSaleView(sale, { ...totals, sold: 10 }, { myCount: 0, reminded: false }, NOW + MIN).state).toBe('SOLD_OUT');
  });
});
