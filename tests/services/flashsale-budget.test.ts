/**
 * Database-operation budgets of the flash-sale hot path (tests/services/db-budget.ts):
 * a refused attempt after sell-out writes nothing and reads one document (the
 * member's; the sale comes from the instance's cache, read at most once per
 * SALE_CACHE_TTL_MS), the sold-out flag is written once, and a successful buy
 * costs one transaction of fixed size.
 */
import { installRuntime } from '../../src/server/kit';
import { SALE_CACHE_TTL_MS } from '../../src/server/services/flashsale/sale-cache';
import { countingDb, type CountingDb } from './db-budget';
import { codeOf, OPERATOR, rid, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';
import { PICKUP, seedShop } from './order-harness';

describe('flash sale: database budgets', () => {
  let bench: FlashSaleBench;
  let counter: CountingDb;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    // Budgets are what one uncontended call costs: no re-run of the transactions (the suite's SIYU_TX_RERUN).
    bench.db.setTransactionFaults({ rerun: false, conflictRate: 0 });
    counter = countingDb(bench.db);
    installRuntime({ ...bench.runtime, db: counter.db });
    await seedShop(bench.db, [{ _id: 'sku-tea-s', productId: 'p-tea', price: 2900, stock: 500 }]);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  const buy = (openid: string, saleId: string, requestId = rid()): Promise<any> => bench.fs(openid, 'buy', { saleId, requestId, fulfillment: PICKUP });
  const cost = async (work: () => Promise<unknown>) => {
    counter.trace.length = 0;
    const counts = await counter.during(work);
    return { ...counts, trace: [...counter.trace] };
  };

  /** A sale of `units` (one shard each unit) sold out by `m0`…, and the answer of the attempt that found it empty. */
  async function soldOutSale(units = 2, shards = 2): Promise<string> {
    const sale = await bench.createSale({ quantity: units, shards, perMemberLimit: 1 });
    for (let i = 0; i < units; i += 1) expect(codeOf(await buy(`m${i}`, sale.saleId))).toBe('OK');
    return sale.saleId;
  }

  test('the attempt that finds every shard empty: reads the shards and the sale once, flags it (shards touched, one sale write)', async () => {
    const saleId = await soldOutSale(2, 2);
    await bench.fs('late', 'get', { saleId }); // the buyer's role record is in the instance's cache, as for any returning caller
    const counts = await cost(async () => expect(codeOf(await buy('late', saleId))).toBe('SOLD_OUT'));
    // Outside: the member, the store (fulfilment). One transaction: idempotency, member, both shards, the sale; both shards touched, the flag.
    expect({ ...counts, trace: [...counts.trace].sort() }).toEqual({
      calls: 10,
      reads: 4, // the store, both shards, the sale (the late buyer has no member or idempotency document)
      writes: 1 + 2 * 0, // the shard touches rewrite the same updatedAt under the test's frozen clock: unchanged, nothing written
      transactions: 1,
      trace: [
        'flash_sale_members.get',
        'stores.get',
        'tx:flash_sale_members.get',
        'tx:flash_sale_shards.get',
        'tx:flash_sale_shards.get',
        'tx:flash_sale_shards.update',
        'tx:flash_sale_shards.update',
        'tx:flash_sales.get',
        'tx:flash_sales.update',
        'tx:idempotency.get',
      ],
    });
    expect((await bench.saleDoc(saleId)).soldOut).toBe(true);
  });

  test('after sell-out a refused attempt writes nothing and reads one document; the sale is read again once per TTL', async () => {
    const saleId = await soldOutSale();
    await bench.fs('late', 'get', { saleId });
    expect(codeOf(await buy('late', saleId))).toBe('SOLD_OUT'); // sets the flag (previous test)
    // The flag's write made this instance forget the sale: the next attempt reads it again, with the member's document.
    expect(await cost(async () => expect(codeOf(await buy('late', saleId))).toBe('SOLD_OUT'))).toEqual({
      calls: 2,
      reads: 1,
      writes: 0,
      transactions: 0,
      trace: ['flash_sales.get', 'flash_sale_members.get'],
    });
    // From then on only the member's document (none yet: a call that reads nothing), however many attempts.
    for (let i = 0; i < 20; i += 1) {
      expect(await cost(async () => expect(codeOf(await buy('late', saleId))).toBe('SOLD_OUT'))).toEqual({
        calls: 1,
        reads: 0,
        writes: 0,
        transactions: 0,
        trace: ['flash_sale_members.get'],
      });
    }
    // A buyer who holds an order: one read, their document.
    expect(await cost(async () => expect(codeOf(await buy('m0', saleId))).toBe('SOLD_OUT'))).toMatchObject({ calls: 1, reads: 1, writes: 0, transactions: 0 });
    bench.clock.advance(SALE_CACHE_TTL_MS);
    expect(await cost(() => buy('late', saleId))).toMatchObject({ calls: 2, reads: 1, writes: 0, transactions: 0, trace: ['flash_sales.get', 'flash_sale_members.get'] });
  });

  test('200 attempts after sell-out, at once, from 50 buyers: no write, one read of the sale, one of each attempt’s member document', async () => {
    const saleId = await soldOutSale();
    expect(codeOf(await buy('late', saleId))).toBe('SOLD_OUT');
    const buyers = Array.from({ length: 50 }, (_, i) => `crowd-${i}`);
    for (const openid of buyers) await bench.fs(openid, 'get', { saleId });
    bench.clock.advance(SALE_CACHE_TTL_MS); // the sale's cache entry has run out: the crowd finds none
    const counts = await cost(async () => {
      const codes = (await Promise.all(Array.from({ length: 200 }, (_, i) => buy(buyers[i % 50], saleId)))).map(codeOf);
      expect(new Set(codes)).toEqual(new Set(['SOLD_OUT']));
    });
    expect(counts.writes).toBe(0);
    expect(counts.transactions).toBe(0);
    expect(counts.trace.filter((t) => t === 'flash_sales.get')).toHaveLength(1);
    expect(counts.trace.filter((t) => t === 'flash_sale_members.get')).toHaveLength(200);
    expect(counts.calls).toBe(201);
  });

  test('a replay after sell-out answers the order from the member’s document: one read, no write', async () => {
    const sale = await bench.createSale({ quantity: 1, shards: 1, perMemberLimit: 1 });
    const requestId = rid();
    const first = await buy('m0', sale.saleId, requestId);
    expect(codeOf(first)).toBe('OK');
    expect(codeOf(await buy('late', sale.saleId))).toBe('SOLD_OUT');
    expect(codeOf(await buy('late', sale.saleId))).toBe('SOLD_OUT');
    const counts = await cost(async () => expect((await buy('m0', sale.saleId, requestId)).data).toEqual(first.data));
    expect(counts).toEqual({ calls: 1, reads: 1, writes: 0, transactions: 0, trace: ['flash_sale_members.get'] });
  });

  test('a refusal before any transaction (member at the limit): one read once the sale is cached', async () => {
    const sale = await bench.createSale({ quantity: 10, shards: 2, perMemberLimit: 1 });
    expect(codeOf(await buy('m0', sale.saleId))).toBe('OK');
    expect(await cost(async () => expect(codeOf(await buy('m0', sale.saleId))).toBe('LIMIT_EXCEEDED'))).toEqual({
      calls: 1,
      reads: 1,
      writes: 0,
      transactions: 0,
      trace: ['flash_sale_members.get'],
    });
  });

  test('a successful buy: the member and the store outside, then one transaction of 11 operations writing 6 documents', async () => {
    const sale = await bench.createSale({ quantity: 10, shards: 1, perMemberLimit: 5 });
    expect(codeOf(await buy('m0', sale.saleId))).toBe('OK');
    const counts = await cost(async () => expect(codeOf(await buy('m0', sale.saleId))).toBe('OK'));
    // Read: the member (twice), the store, the shard, and the day's order-number counter when its random shard exists already.
    expect(counts.reads === 4 || counts.reads === 5).toBe(true);
    expect({ ...counts, reads: 0 }).toEqual({
      calls: 13,
      reads: 0,
      writes: 6,
      transactions: 1,
      trace: [
        'flash_sale_members.get',
        'stores.get',
        'tx:idempotency.get',
        'tx:flash_sale_members.get',
        'tx:flash_sale_shards.get',
        'tx:flash_sale_shards.update',
        'tx:pickup_codes.get',
        'tx:pickup_codes.set',
        'tx:flash_sale_members.set',
        'tx:order_no_counters.get',
        'tx:order_no_counters.set',
        'tx:orders.set',
        'tx:idempotency.set',
      ],
    });
  });
});
