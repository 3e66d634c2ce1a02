/**
 * `npm run seed`: seeds the demo shop into the local data (SIYU_DATA, default
 * .data/siyu.sqlite) when it is empty. `npm run seed -- --reset` first deletes
 * the data directory's database and token secret (signed-in sessions end).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { defaultDataFile, openLocalDb } from '../src/server/local/db';
import { seedDemoData } from '../src/server/local/seed';
import { createLocalFileStorage, STORAGE_DIR_NAME } from '../src/server/local/storage';
import { schema } from '../src/server/schema';

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  const file = resolve(defaultDataFile());
  if (reset) wipe(file);
  const db = openLocalDb({ file }, schema);
  try {
    const result = await seedDemoData(db, Date.now(), { storage: createLocalFileStorage({ root: join(dirname(file), STORAGE_DIR_NAME) }) });
    if (result.seeded) console.log(`seeded ${file}:`, result.counts);
    else console.log(`${file} already holds a store; nothing to do (use --reset to start over)`);
  } finally {
    db.close();
  }
}

/** Removes the database (with its -wal/-shm/-journal companions) and the token secret. */
function wipe(file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir)) return;
  const name = basename(file);
  for (const entry of readdirSync(dir)) {
    if (entry === name || entry.startsWith(`${name}-`) || entry === 'secret') rmSync(join(dir, entry), { force: true });
  }
  console.log(`reset: removed ${file} and the token secret`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
