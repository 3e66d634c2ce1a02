/** cloudfunctions/system end to end: main(event, context) as CloudBase calls it, on the local engine. */
import { callerOutput, pingOutput } from '../../src/core/contracts/system';
import { contracts } from '../../src/core/contracts';
import { installRuntime } from '../../src/server/kit';
import { HEARTBEATS_COLLECTION } from '../../src/server/services/system/routes';
import type * as SystemFunction from '../../cloudfunctions/system';
import { createTestRuntime, grantRoles, START_MS, timerContext, wxContext, type TestRuntime } from './support/test-runtime';

// The explicit .ts: jest resolves a folder to index.js (the built bundle, with its own kit) before index.ts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main } = require('../../cloudfunctions/system/index.ts') as typeof SystemFunction;

let runtime: TestRuntime;
beforeEach(() => {
  runtime = createTestRuntime();
  installRuntime(runtime);
});
afterEach(() => runtime.db.close());

const heartbeatEvent = { Type: 'Timer', TriggerName: 'heartbeat', Time: '2030-01-01T08:00:00Z' };

test('ping answers pong and the server time to any signed-in caller, matching its contract', async () => {
  const answer = await main({ action: 'ping', data: {} }, wxContext('o-alice'));
  expect(answer).toEqual({ ok: true, data: { pong: true, now: START_MS } });
  if (answer.ok) expect(pingOutput.safeParse(answer.data).success).toBe(true);
  await grantRoles(runtime.db, 'o-op', { roles: ['operator'] });
  await expect(main({ action: 'ping' }, wxContext('o-op'))).resolves.toMatchObject({ ok: true });
});

test('whoami answers the caller with roles from the database', async () => {
  await expect(main({ action: 'whoami' }, wxContext('o-alice'))).resolves.toEqual({
    ok: true,
    data: { openid: 'o-alice', roles: ['customer'], staffStoreIds: [] },
  });
  await grantRoles(runtime.db, 'o-clerk', { roles: ['staff'], staffStoreIds: ['store-1'] });
  const answer = await main({ action: 'whoami' }, wxContext('o-clerk'));
  expect(answer).toEqual({ ok: true, data: { openid: 'o-clerk', roles: ['customer', 'staff'], staffStoreIds: ['store-1'] } });
  if (answer.ok) expect(callerOutput.parse(answer.data)).toEqual(answer.data);
});

test('anonymous calls are refused', async () => {
  await expect(main({ action: 'ping' }, {})).resolves.toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
});

test('the heartbeat timer upserts system_heartbeats/timer with lastRunAt', async () => {
  await expect(main(heartbeatEvent, timerContext('req-hb-1'))).resolves.toEqual({ ok: true, data: { lastRunAt: START_MS } });
  runtime.clock.advance(60_000);
  await expect(main(heartbeatEvent, timerContext('req-hb-2'))).resolves.toEqual({ ok: true, data: { lastRunAt: START_MS + 60_000 } });
  const { data } = await runtime.db.collection(HEARTBEATS_COLLECTION).get();
  expect(data).toEqual([{ _id: 'timer', lastRunAt: START_MS + 60_000, requestId: 'req-hb-2' }]);
});

test('heartbeat is for the timer only: a signed-in caller, even an operator, is FORBIDDEN', async () => {
  await grantRoles(runtime.db, 'o-op', { roles: ['operator'] });
  await expect(main({ action: 'heartbeat' }, wxContext('o-op'))).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  await expect(main(heartbeatEvent, wxContext('o-op'))).resolves.toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  await expect(runtime.db.collection(HEARTBEATS_COLLECTION).count()).resolves.toEqual({ total: 0 });
});

test('unknown actions are refused', async () => {
  await expect(main({ action: 'reboot' }, wxContext('o-alice'))).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
});

test('the contracts map lists the client-callable actions, not the timer one', () => {
  expect(Object.keys(contracts.system).sort()).toEqual(['ping', 'settings', 'updateSettings', 'whoami']);
  expect(Object.keys(contracts)).toEqual(expect.arrayContaining(['system', 'catalog', 'cart', 'order']));
});
