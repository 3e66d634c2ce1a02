/**
 * A Runtime for kit and function tests: the local database engine in memory,
 * openids read from `context.environ` as on CloudBase, a clock that moves only
 * when told, and a logger that records what it is given.
 */
import { openLocalDb, type LocalDb } from '../../../src/server/local/db';
import type { RoleRecord } from '../../../src/server/kit/caller';
import { manualClock, type ManualClock } from '../../../src/server/kit/clock';
import { openidFromContext } from '../../../src/server/kit/openid';
import type { FunctionContext, Logger, Runtime } from '../../../src/server/kit/types';

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields: Record<string, unknown>;
}

export interface TestRuntime extends Runtime {
  readonly db: LocalDb;
  readonly clock: ManualClock;
  readonly logs: LogEntry[];
}

export const START_MS = Date.UTC(2030, 0, 1, 8, 0, 0);

export function createTestRuntime(): TestRuntime {
  const db = openLocalDb({ memory: true });
  const clock = manualClock(START_MS);
  const logs: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (message: string, fields: Record<string, unknown> = {}) => {
    logs.push({ level, message, fields });
  };
  const log: Logger = { info: record('info'), warn: record('warn'), error: record('error') };
  return { name: 'local', db, clock, logs, log, now: () => clock(), openidOf: (context) => openidFromContext(context) };
}

/** The context CloudBase gives a mini-program call from `openid`. */
export function wxContext(openid: string, requestId = `req-${openid}`): FunctionContext {
  return { request_id: requestId, function_name: 'test', environ: `WX_OPENID=${openid};WX_APPID=wx-test;WX_UNIONID=` };
}

/** The context of a timer trigger: no caller. */
export function timerContext(requestId = 'req-timer'): FunctionContext {
  return { request_id: requestId, function_name: 'test', environ: 'TCB_ENV=test;SCF_NAMESPACE=test' };
}

export async function grantRoles(db: LocalDb, openid: string, grant: Partial<RoleRecord>): Promise<void> {
  await db.collection('roles').doc(openid).set({ roles: [], staffStoreIds: [], updatedAt: START_MS, ...grant });
}
