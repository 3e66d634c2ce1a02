/**
 * Throughput of the local database engine on a temporary SQLite file (WAL):
 *  (a) an order placement as one `runTransaction`: read the SKU, decrement
 *      its stock, insert the order;
 *  (b) the conditional decrement `where({_id, stock: _.gte(1)}).update({stock: _.inc(-1)})`.
 * `npx tsx scripts/bench/db-engine.ts [seconds]` prints the figures.
 * Numbers are for this machine and run only; tests never assert them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

export interface DbEngineBench {
  /** (a) read + decrement + insert, each as one transaction. */
  transactionsPerSec: number;
  /** (b) conditional `where().update()` decrements. */
  conditionalUpdatesPerSec: number;
  transactions: number;
  conditionalUpdates: number;
  secondsEach: number;
  concurrency: number;
}

export interface DbEngineBenchOptions {
  /** Seconds per measurement (default 3). */
  seconds?: number;
  /** Concurrent callers issuing operations (default 16). */
  concurrency?: number;
  /** Do not print (default: prints). */
  quiet?: boolean;
}

const PLENTY = 1_000_000_000;

export async function benchDbEngine(opts: DbEngineBenchOptions = {}): Promise<DbEngineBench> {
  const seconds = opts.seconds ?? 3;
  const concurrency = opts.concurrency ?? 16;
  const dir = mkdtempSync(join(tmpdir(), 'siyu-bench-db-'));
  const db = openLocalDb({ file: join(dir, 'bench.sqlite') });
  try {
    const skuId = 'bench-sku';
    await db.collection('skus').doc(skuId).set({ productId: 'p1', priceFen: 990, stock: PLENTY });
    const transactions = await runFor(seconds, concurrency, placeOrder(db, skuId));
    const conditionalUpdates = await runFor(seconds, concurrency, conditionalDecrement(db, skuId));
    const result: DbEngineBench = {
      transactionsPerSec: Math.round(transactions / seconds),
      conditionalUpdatesPerSec: Math.round(conditionalUpdates / seconds),
      transactions,
      conditionalUpdates,
      secondsEach: seconds,
      concurrency,
    };
    if (!opts.quiet) printDbEngineBench(result);
    return result;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printDbEngineBench(result: DbEngineBench): void {
  console.log(`transaction (get + conditional decrement + insert order): ${result.transactionsPerSec.toLocaleString('en')} /s`);
  console.log(`conditional where().update() decrement:                  ${result.conditionalUpdatesPerSec.toLocaleString('en')} /s`);
  console.log(`(${result.secondsEach} s each, ${result.concurrency} concurrent callers, temp file DB, WAL, synchronous=NORMAL)`);
}

function placeOrder(db: LocalDb, skuId: string): (n: number) => Promise<void> {
  const _ = db.command;
  return async (n) => {
    await db.runTransaction(async (tx) => {
      const sku = await tx.collection('skus').doc(skuId).get();
      const stock = sku.data?.stock;
      if (typeof stock !== 'number' || stock < 1) throw new Error('out of stock');
      await tx.collection('skus').doc(skuId).update({ stock: _.inc(-1) });
      await tx.collection('orders').add({
        openid: `user-${n % 1000}`,
        skuId,
        quantity: 1,
        amountFen: 990,
        status: 'pending',
        requestKey: `bench-${n}`,
        createdAt: Date.now(),
      });
    });
  };
}

function conditionalDecrement(db: LocalDb, skuId: string): () => Promise<void> {
  const _ = db.command;
  return async () => {
    const { updated } = await db.collection('skus').where({ _id: skuId, stock: _.gte(1) }).update({ stock: _.inc(-1) });
    if (updated !== 1) throw new Error('conditional decrement failed');
  };
}

/** Runs `operation` from `concurrency` loops until the time is up; answers how many completed. */
async function runFor(seconds: number, concurrency: number, operation: (n: number) => Promise<void>): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (performance.now() < deadline) {
      await operation(next++);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}

if (require.main === module) {
  const seconds = Number(process.argv[2] ?? 3);
  benchDbEngine({ seconds }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
