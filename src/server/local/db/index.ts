/**
 * The local cloud's database: CloudBase's document database API (our `Db`)
 * on one SQLite file, with mingo for matching and update operators.
 */
import { resolve } from 'node:path';
import type { Db } from '../../db';
import { schema as projectSchema, type CollectionSchema } from '../../schema';
import { CollectionCatalog } from './catalog';
import { LocalDatabase } from './database';
import { ensureIndexes, validateSchema } from './indexes';
import { SqliteStorage } from './storage';
import { TRANSACTION_TIMEOUT_MS } from './transaction';
import { transactionFaultsFromEnv, type TransactionFaults } from './tx-faults';

export type { TransactionFaults } from './tx-faults';

export interface LocalDb extends Db {
  close(): void;
  /** The SQLite file, or null for an in-memory database. */
  readonly file: string | null;
  /** The transaction fault modes now in force (see tx-faults.ts). */
  readonly transactionFaults: TransactionFaults;
  /** Changes them for this database; the conflict draws restart from the seed. */
  setTransactionFaults(faults: Partial<TransactionFaults>): void;
}

export type LocalDbOptions = ({ file: string } | { memory: true }) & {
  /** Clock for `db.serverDate()`; defaults to Date.now. */
  now?: () => number;
  /** Defaults to CloudBase's 30 s. */
  transactionTimeoutMs?: number;
  /** Re-run and conflict modes; each field defaults to the environment's (SIYU_TX_RERUN, SIYU_TX_CONFLICT_RATE, SIYU_TX_SEED). */
  transactionFaults?: Partial<TransactionFaults>;
};

/** `$SIYU_DATA`, else `.data/siyu.sqlite`, resolved against the working directory. */
export function defaultDataFile(): string {
  return resolve(process.env.SIYU_DATA || '.data/siyu.sqlite');
}

/**
 * Opens (creating if needed) the database and makes a table per declared
 * collection with its indexes. `schema` defaults to the project's
 * (src/server/schema.ts) so unique keys hold in every test; pass `[]` for none.
 */
export function openLocalDb(options: LocalDbOptions, schema: CollectionSchema[] = projectSchema): LocalDb {
  validateSchema(schema);
  const file = 'file' in options ? resolve(options.file) : null;
  const storage = new SqliteStorage(file);
  try {
    storage.atomic(() => {
      for (const collection of schema) {
        storage.ensureTable(collection.name);
        ensureIndexes(storage.sql, collection.name, collection.indexes);
      }
    });
    const catalog = new CollectionCatalog(storage.sql, schema);
    return new LocalDatabase(storage, catalog, {
      file,
      now: options.now ?? Date.now,
      transactionTimeoutMs: options.transactionTimeoutMs ?? TRANSACTION_TIMEOUT_MS,
      transactionFaults: { ...transactionFaultsFromEnv(), ...options.transactionFaults },
    });
  } catch (error) {
    storage.close();
    throw error;
  }
}
