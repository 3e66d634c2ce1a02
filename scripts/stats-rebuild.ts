/**
 * `npm run stats:rebuild [-- --days 60]`: recomputes the dashboard's daily
 * rollups of the local data (SIYU_DATA, default .data/siyu.sqlite) from its
 * orders and members, as the operators' `stats.rebuild` action does.
 */
import { resolve } from 'node:path';
import { createJsonConsoleLogger } from '../src/server/kit/logger';
import { defaultDataFile, openLocalDb } from '../src/server/local/db';
import { schema } from '../src/server/schema';
import { rebuildStats } from '../src/server/services/stats/rebuild';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--days');
  const days = at > 0 ? Number(process.argv[at + 1]) : 60;
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new Error('--days must be 1–90');
  const file = resolve(defaultDataFile());
  const db = openLocalDb({ file }, schema);
  try {
    const report = await rebuildStats({ db, now: Date.now, log: createJsonConsoleLogger({ script: 'stats:rebuild' }) }, days);
    console.log(`rebuilt ${file}:`, report);
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
