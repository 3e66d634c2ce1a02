/**
 * `npm run crm:rebuild`: recomputes every member's CRM profile of the local
 * data (SIYU_DATA, default .data/siyu.sqlite) from its orders and refunds, as
 * the operators' `crm.rebuild` action does (without its per-call time budget).
 */
import { resolve } from 'node:path';
import { createJsonConsoleLogger } from '../src/server/kit/logger';
import { defaultDataFile, openLocalDb } from '../src/server/local/db';
import { schema } from '../src/server/schema';
import { rebuildProfiles } from '../src/server/services/crm/rebuild';

async function main(): Promise<void> {
  const file = resolve(defaultDataFile());
  const db = openLocalDb({ file }, schema);
  const deps = { db, now: Date.now, log: createJsonConsoleLogger({ script: 'crm:rebuild' }) };
  try {
    let cursor: string | null = null;
    let rebuilt = 0;
    const started = Date.now();
    do {
      const report = await rebuildProfiles(deps, { cursor, budgetMs: 30_000 });
      rebuilt += report.rebuilt;
      cursor = report.cursor;
    } while (cursor);
    console.log(`rebuilt ${rebuilt} member profiles of ${file} in ${Date.now() - started} ms`);
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
