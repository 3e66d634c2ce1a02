import type { Db, DocumentData, Transaction } from '../../db';
import { openLocalDb } from '../db';
import { schema } from '../../schema';

/**
 * The demo shop is built in a scratch in-memory database (the same engine and
 * schema) and then written to the real one in a single transaction. Driving a
 * year of history through the services commits thousands of small
 * transactions; against the data file each commit writes its pages to the
 * WAL, which was most of the seed's time. One transaction at the end also
 * means an interrupted seed leaves nothing behind, so the next start seeds
 * again from scratch.
 */
export async function buildThenCopy(target: Db, build: (scratch: Db) => Promise<void>, options: { last: string }): Promise<void> {
  // The seed is data, not a check of the services' re-run safety (the suite proves that on its own
  // databases): under the suite's SIYU_TX_RERUN=1 every seed transaction would otherwise run twice.
  const scratch = openLocalDb({ memory: true, transactionFaults: { rerun: false, conflictRate: 0 } }, schema);
  try {
    const recorded = recordingCollections(scratch);
    await build(recorded.db);
    const names = [...recorded.names].filter((name) => name !== options.last);
    if (recorded.names.has(options.last)) names.push(options.last);
    await copyCollections(scratch, target, names);
  } finally {
    scratch.close();
  }
}

const PAGE = 1000;

/** Every document of `names` from one database to another, in one transaction, `names` in order. */
async function copyCollections(from: Db, to: Db, names: readonly string[]): Promise<void> {
  const tx = await to.startTransaction();
  try {
    for (const name of names) {
      for (let offset = 0; ; offset += PAGE) {
        const { data } = await from.collection(name).skip(offset).limit(PAGE).get();
        for (const { _id, ...doc } of data as Array<DocumentData & { _id: string }>) await tx.collection(name).doc(_id).set(doc);
        if (data.length < PAGE) break;
      }
    }
    await tx.commit();
  } catch (error) {
    await tx.rollback().catch(() => undefined);
    throw error;
  }
}

/** A Db that notes the name of every collection used through it or its transactions, then behaves as `db`. */
function recordingCollections(db: Db): { db: Db; names: Set<string> } {
  const names = new Set<string>();
  const note = <T extends object>(target: T, wrap: Partial<Record<string | symbol, unknown>>): T =>
    new Proxy(target, {
      get(inner, key) {
        if (key in wrap) return wrap[key];
        const value = Reflect.get(inner, key, inner) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(inner) : value;
      },
    });
  const recordTx = <T extends Transaction>(tx: T): T =>
    note(tx, {
      collection: (name: string) => {
        names.add(name);
        return tx.collection(name);
      },
    });
  const wrapped = note(db, {
    collection: (name: string) => {
      names.add(name);
      return db.collection(name);
    },
    runTransaction: <R>(callback: (tx: Transaction) => Promise<R>, times?: number) => db.runTransaction((tx) => callback(recordTx(tx)), times),
    startTransaction: async () => recordTx(await db.startTransaction()),
  });
  return { db: wrapped, names };
}
