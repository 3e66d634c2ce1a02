/**
 * Throughput of the local database engine on a temporary SQLite file (WAL):
 *  (a) an order placement as one `runTransaction`: read the SKU, decrement
 *      its stock, insert the order;
 *  (a') the same JSON-document work on raw better-sqlite3, in the same run:
 *      the same tables (`_id`, `data` JSON) with the same indexes (the
 *      project schema's, created by the engine's own DDL), the same pragmas,
 *      BEGIN IMMEDIATE … COMMIT per order; once with the orders table's
 *      indexes, once without them (what their upkeep costs);
 *  (b) the conditional decrement `where({_id, stock: _.gte(1)}).update({stock: _.inc(-1)})`.
 * `npx tsx scripts/bench/db-engine.ts [seconds]` prints the figures.
 * Numbers are for this machine and run only; tests never assert them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { schema, type IndexSpec } from '../../src/server/schema';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { newDocumentId } from '../../src/server/local/db/ids';
import { ensureIndexes } from '../../src/server/local/db/indexes';

export interface DbEngineBench {
  /** (a) read + decrement + insert, each as one transaction. */
  transactionsPerSec: number;
  /** (a') the same on raw better-sqlite3, with the orders table's indexes and without them. */
  rawTransactionsPerSec: number;
  rawWithoutOrderIndexesPerSec: number;
  orderIndexes: number;
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
    const raw = rawOrderTransactions(join(dir, 'raw.sqlite'), seconds, true);
    const rawBare = rawOrderTransactions(join(dir, 'raw-bare.sqlite'), seconds, false);
    const conditionalUpdates = await runFor(seconds, concurrency, conditionalDecrement(db, skuId));
    const result: DbEngineBench = {
      transactionsPerSec: Math.round(transactions / seconds),
      rawTransactionsPerSec: Math.round(raw / seconds),
      rawWithoutOrderIndexesPerSec: Math.round(rawBare / seconds),
      orderIndexes: orderIndexSpecs().length,
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
  console.log(
    `  raw better-sqlite3, same work, tables and ${result.orderIndexes} orders indexes: ${result.rawTransactionsPerSec.toLocaleString('en')} /s; ` +
      `engine ÷ raw = ${(result.transactionsPerSec / result.rawTransactionsPerSec).toFixed(2)}`,
  );
  console.log(
    `  raw without the orders indexes:                          ${result.rawWithoutOrderIndexesPerSec.toLocaleString('en')} /s ` +
      `(the indexes cost ${(100 * (1 - result.rawTransactionsPerSec / result.rawWithoutOrderIndexesPerSec)).toFixed(0)}% of raw)`,
  );
  console.log(`conditional where().update() decrement:                  ${result.conditionalUpdatesPerSec.toLocaleString('en')} /s`);
  console.log(`(${result.secondsEach} s each, ${result.concurrency} concurrent callers, temp file DB, WAL, synchronous=NORMAL)`);
}

export function placeOrder(db: LocalDb, skuId: string, offset = 0): (n: number) => Promise<void> {
  const _ = db.command;
  return async (i) => {
    const n = i + offset;
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

function orderIndexSpecs(): IndexSpec[] {
  return schema.find((collection) => collection.name === 'orders')?.indexes ?? [];
}

/**
 * (a') on raw better-sqlite3 for `seconds`: what the engine's transaction
 * does, by hand. One SQLite transaction per order (the engine batches the
 * COMMITs of transactions that queue behind each other; raw code that runs
 * one order at a time cannot).
 */
function rawOrderTransactions(file: string, seconds: number, withOrderIndexes: boolean): number {
  const sql = new Database(file);
  try {
    sql.pragma('journal_mode = WAL');
    sql.pragma('synchronous = NORMAL');
    for (const name of ['skus', 'orders']) sql.exec(`CREATE TABLE IF NOT EXISTS "${name}" (_id TEXT PRIMARY KEY NOT NULL, data TEXT NOT NULL)`);
    ensureIndexes(sql, 'skus', schema.find((collection) => collection.name === 'skus')?.indexes ?? []);
    if (withOrderIndexes) ensureIndexes(sql, 'orders', orderIndexSpecs());
    const skuId = 'bench-sku';
    sql.prepare('INSERT INTO skus (_id, data) VALUES (?, ?)').run(skuId, JSON.stringify({ _id: skuId, productId: 'p1', priceFen: 990, stock: PLENTY }));
    const begin = sql.prepare('BEGIN IMMEDIATE');
    const commit = sql.prepare('COMMIT');
    const getSku = sql.prepare<[string]>('SELECT data FROM skus WHERE _id = ?').pluck();
    const putSku = sql.prepare('UPDATE skus SET data = ? WHERE _id = ?');
    const insertOrder = sql.prepare('INSERT INTO orders (_id, data) VALUES (?, ?)');
    const deadline = performance.now() + seconds * 1000;
    let n = 0;
    while (performance.now() < deadline) {
      begin.run();
      const sku = JSON.parse(getSku.get(skuId) as string) as { stock: number };
      if (sku.stock < 1) throw new Error('out of stock');
      sku.stock -= 1;
      putSku.run(JSON.stringify(sku), skuId);
      const id = newDocumentId();
      const order = { _id: id, openid: `user-${n % 1000}`, skuId, quantity: 1, amountFen: 990, status: 'pending', requestKey: `bench-${n}`, createdAt: Date.now() };
      insertOrder.run(id, JSON.stringify(order));
      commit.run();
      n += 1;
    }
    return n;
  } finally {
    sql.close();
  }
}

function conditionalDecrement(db: LocalDb, skuId: string): () => Promise<void> {
  const _ = db.command;
  return async () => {
    const { updated } = await db.collection('skus').where({ _id: skuId, stock: _.gte(1) }).update({ stock: _.inc(-1) });
    if (updated !== 1) throw new Error('conditional decrement failed');
  };
}

/** Runs `operation` from `concurrency` loops until the time is up; answers how many completed. */
export async function runFor(seconds: number, concurrency: number, operation: (n: number) => Promise<void>): Promise<number> {
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
