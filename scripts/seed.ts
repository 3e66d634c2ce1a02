/**
 * `npm run seed`: seeds the demo shop into the local data (SIYU_DATA, default
 * .data/siyu.sqlite) when it is empty. `npm run seed -- --reset` first deletes
 * the data directory's database and token secret (signed-in sessions end).
 * `npm run seed -- --members 100000` adds a large shop for benchmarks: that
 * many members with a year of orders and their CRM profiles, bulk-written
 * (scripts/bench/crm-seed.ts).
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { defaultDataFile, openLocalDb } from '../src/server/local/db';
import { bulkSeedFile, largeMemberId } from './bench/crm-seed';
import { seedDemoData } from '../src/server/local/seed';
import { createLocalFileStorage, STORAGE_DIR_NAME } from '../src/server/local/storage';
import { schema } from '../src/server/schema';

async function main(): Promise<void> {
  const reset = process.argv.includes('--reset');
  let members = membersOption();
  const file = resolve(defaultDataFile());
  if (reset) wipe(file);
  const db = openLocalDb({ file }, schema);
  try {
    const result = await seedDemoData(db, Date.now(), { storage: createLocalFileStorage({ root: join(dirname(file), STORAGE_DIR_NAME) }) });
    if (result.seeded) console.log(`seeded ${file}:`, result.counts);
    else console.log(`${file} already holds a store; nothing to do (use --reset to start over)`);
    if (members > 0 && (await db.collection('members').doc(largeMemberId(1)).get()).data.length > 0) {
      console.log('the large shop is there already; nothing to add (use --reset to start over)');
      members = 0;
    }
  } finally {
    db.close();
  }
  if (members > 0) {
    const started = Date.now();
    const report = await bulkSeedFile(file, { members, now: Date.now(), log: (line) => console.log(line) });
    console.log(`added ${report.members.toLocaleString('en')} members, ${report.orders.toLocaleString('en')} orders, ${report.refunds.toLocaleString('en')} refunds with their profiles in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

function membersOption(): number {
  const at = process.argv.indexOf('--members');
  if (at < 0) return 0;
  const members = Number(process.argv[at + 1]);
  if (!Number.isInteger(members) || members < 1 || members > 2_000_000) throw new Error('--members must be a whole number from 1 to 2,000,000');
  return members;
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
