/**
 * The local engine shares one SQLite COMMIT among the transactions of a turn of the event loop (database.ts),
 * but a caller is answered only once its writes are on the file: what it acknowledges (a payment
 * notification's errcode 0) survives a kill -9. A second connection to the file, which sees only committed
 * data, checks that at the moment each promise settles.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLocalDb } from '../../src/server/local/db';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'siyu-group-commit-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function onFile(file: string, collection: string, id: string): unknown {
  const other = new Database(file, { readonly: true });
  try {
    const row = other.prepare(`SELECT data FROM "${collection}" WHERE _id = ?`).get(id) as { data: string } | undefined;
    return row ? JSON.parse(row.data) : null;
  } finally {
    other.close();
  }
}

it('a transaction, a write and concurrent transactions are on the file when their promises settle', async () => {
  const file = join(dir, 'siyu.sqlite');
  const db = openLocalDb({ file, transactionFaults: { rerun: false, conflictRate: 0 } });
  try {
    await db.collection('notes').add({ _id: 'seed', n: 0 });

    await db.runTransaction(async (tx) => {
      await tx.collection('notes').doc('t1').set({ n: 1 });
    });
    expect(onFile(file, 'notes', 't1')).toMatchObject({ n: 1 });

    await db.collection('notes').doc('w1').set({ n: 2 });
    expect(onFile(file, 'notes', 'w1')).toMatchObject({ n: 2 });

    // Many at once share batches; each, when answered, is already readable by another connection.
    await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        await db.runTransaction(async (tx) => {
          await tx.collection('notes').doc(`c${i}`).set({ n: i });
        });
        expect(onFile(file, 'notes', `c${i}`)).toMatchObject({ n: i });
      }),
    );

    const manual = await db.startTransaction();
    await manual.collection('notes').doc('m1').set({ n: 3 });
    await manual.commit();
    expect(onFile(file, 'notes', 'm1')).toMatchObject({ n: 3 });
  } finally {
    db.close();
  }
});
