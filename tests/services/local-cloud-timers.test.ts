import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalCloud, type LocalCloud } from '../../src/server/local/cloud';
import { createConsoleLogger } from '../../src/server/local/logger';
import { CronSyntaxError, isExhausted, matchesYear, parseCloudbaseCron } from '../../src/server/local/timers/cron';
import { TriggerGate } from '../../src/server/local/timers/gate';

// Each local cloud here seeds the demo shop (a year of history through the real services): seconds, more on a loaded machine.
jest.setTimeout(120_000);

const quiet = createConsoleLogger('silent');

describe('CloudBase cron expressions', () => {
  it.each([
    ['0 * * * * * *', '0 * * * * *', null],
    ['*/5 * * * * * *', '0,5,10,15,20,25,30,35,40,45,50,55 * * * * *', null],
    ['0 0 2 1 * * *', '0 0 2 1 * *', null],
    ['0 15 10 * * MON-FRI *', '0 15 10 * * 1,2,3,4,5', null],
    ['0 0 10,14,16 * * * *', '0 0 10,14,16 * * *', null],
    ['0 */30 9-17 * * * *', '0 0,30 9,10,11,12,13,14,15,16,17 * * *', null],
    ['0 0 12 * * WED *', '0 0 12 * * 3', null],
    ['0 1/20 * * * * *', '0 1,21,41 * * * *', null],
    ['0 0 0 1 JAN,jul * 2030', '0 0 0 1 1,7 *', [2030]],
    ['0 0 0 * * SUN 2026-2028', '0 0 0 * * 0', [2026, 2027, 2028]],
    ['0 0 8 15 * 0 *', '0 0 8 15 * 0', null],
    ['  0   0  8 * *  * *  ', '0 0 8 * * *', null],
  ])('%s', (expression, pattern, years) => {
    const cron = parseCloudbaseCron(expression);
    expect(cron.pattern).toBe(pattern);
    expect(cron.years === null ? null : [...cron.years]).toEqual(years);
  });

  it.each([
    ['0 * * * * *', /7 fields/],
    ['0 * * * * * * *', /7 fields/],
    ['60 * * * * * *', /second/],
    ['0 0 24 * * * *', /hour/],
    ['0 0 0 0 * * *', /day/],
    ['0 0 0 * 13 * *', /month/],
    ['0 0 0 * * 7 *', /week/],
    ['0 0 0 * * * 1969', /year/],
    ['0 0 0 * * * 2100', /year/],
    ['0 5-1 * * * * *', /backwards/],
    ['0 */0 * * * * *', /step/],
    ['0 a * * * * *', /not a number/],
    ['0 0 0 L * * *', /not a number/],
    ['0 0 0 ? * * *', /not a number/],
    ['0 1,,2 * * * * *', /empty/],
  ])('refuses %s', (expression, reason) => {
    expect(() => parseCloudbaseCron(expression)).toThrow(CronSyntaxError);
    expect(() => parseCloudbaseCron(expression)).toThrow(reason);
  });

  it('reads the year in UTC+8', () => {
    const cron = parseCloudbaseCron('0 0 0 1 1 * 2027');
    expect(matchesYear(cron, new Date('2026-12-31T16:00:00Z'))).toBe(true); // 2027-01-01 00:00 in Beijing
    expect(matchesYear(cron, new Date('2026-12-31T15:59:59Z'))).toBe(false);
    expect(isExhausted(cron, new Date('2027-06-01T00:00:00Z'))).toBe(false);
    expect(isExhausted(cron, new Date('2028-01-01T00:00:00Z'))).toBe(true);
  });
});

describe('trigger gate', () => {
  it('skips a scheduled run while the trigger runs, and queues a manual one', async () => {
    const gate = new TriggerGate();
    let release!: () => void;
    const first = gate.runUnlessBusy('f/t', () => new Promise<void>((done) => (release = done)));
    expect(gate.isRunning('f/t')).toBe(true);
    expect(await gate.runUnlessBusy('f/t', async () => undefined)).toBe(false);
    expect(await gate.runUnlessBusy('f/other', async () => undefined)).toBe(true);

    const order: string[] = [];
    const queued = gate.runWhenFree('f/t', async () => order.push('manual'));
    await Promise.resolve();
    order.push('release');
    release();
    expect(await first).toBe(true);
    await queued;
    expect(order).toEqual(['release', 'manual']);
  });
});

describe('timers in the local cloud', () => {
  const dirs: string[] = [];
  const clouds: LocalCloud[] = [];
  const tempDir = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };

  /** A function directory holding `name` with `source` as index.ts and one timer trigger. */
  const fixtureFunction = (name: string, source: string, trigger: { name: string; config: string }) => {
    const functionsDir = tempDir('siyu-timer-fns-');
    mkdirSync(join(functionsDir, name));
    writeFileSync(join(functionsDir, name, 'index.ts'), source);
    writeFileSync(join(functionsDir, name, 'config.json'), JSON.stringify({ triggers: [{ ...trigger, type: 'timer' }] }));
    return functionsDir;
  };

  afterAll(async () => {
    for (const cloud of clouds) await cloud.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    delete (globalThis as any).__siyuTimerCalls;
    delete (globalThis as any).__siyuSlow;
  });

  it('fires system/heartbeat on demand, which records when it ran', async () => {
    const now = Date.UTC(2026, 4, 20, 2, 0, 0);
    const cloud = await startLocalCloud({ port: 0, dataDir: tempDir('siyu-timer-'), timers: false, now: () => now, log: quiet });
    clouds.push(cloud);
    const envelope = await cloud.fireTimer('system', 'heartbeat');
    expect(envelope).toEqual({ ok: true, data: { lastRunAt: now } });
    const [heartbeat] = (await cloud.db.collection('system_heartbeats').doc('timer').get()).data as any[];
    expect(heartbeat.lastRunAt).toBe(now);
    await expect(cloud.fireTimer('system', 'nope')).rejects.toThrow(/no timer trigger/);
    await expect(cloud.fireTimer('nope', 'heartbeat')).rejects.toThrow(/no function/);
  });

  it('does not let a signed-in caller run a timer action', async () => {
    const cloud = await startLocalCloud({ port: 0, dataDir: tempDir('siyu-timer-'), timers: false, log: quiet });
    clouds.push(cloud);
    const { token } = (await (await fetch(`${cloud.url}/api/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"demo-operator"}' })).json()) as any;
    for (const body of [{ action: 'heartbeat' }, { Type: 'Timer', TriggerName: 'heartbeat', action: 'heartbeat' }]) {
      const res = await fetch(`${cloud.url}/api/functions/system`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const { result } = (await res.json()) as any;
      expect(result.ok).toBe(false);
    }
    expect((await cloud.db.collection('system_heartbeats').count()).total).toBe(0);
  });

  it('runs a one-second trigger on its schedule with a CloudBase timer event and no caller', async () => {
    const functionsDir = fixtureFunction(
      'tick',
      `export async function main(event: unknown, context: unknown) {
         const calls = ((globalThis as any).__siyuTimerCalls ??= []);
         calls.push({ event, context });
         return { ok: true, data: calls.length };
       }\n`,
      { name: 'everySecond', config: '* * * * * * *' },
    );
    const cloud = await startLocalCloud({ port: 0, dataDir: tempDir('siyu-timer-'), functionsDir, seed: false, log: quiet });
    clouds.push(cloud);

    const calls = await waitFor(() => {
      const seen = (globalThis as any).__siyuTimerCalls as Array<{ event: any; context: any }> | undefined;
      return seen && seen.length >= 2 ? seen : null;
    });
    await cloud.close();
    const { event, context } = calls[0];
    expect(event).toEqual({ Type: 'Timer', TriggerName: 'everySecond', Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) });
    expect(context.function_name).toBe('tick');
    expect(context.environ ?? '').not.toContain('WX_OPENID');
  });

  it('refuses a function with two triggers, as CloudBase does (one trigger per function)', async () => {
    const functionsDir = fixtureFunction('twice', 'export async function main() { return { ok: true, data: null }; }\n', { name: 'a', config: '0 * * * * * *' });
    writeFileSync(
      join(functionsDir, 'twice', 'config.json'),
      JSON.stringify({ triggers: [{ name: 'a', type: 'timer', config: '0 * * * * * *' }, { name: 'b', type: 'timer', config: '30 * * * * * *' }] }),
    );
    await expect(startLocalCloud({ port: 0, dataDir: tempDir('siyu-timer-'), functionsDir, seed: false, log: quiet })).rejects.toThrow(
      /one trigger per function/,
    );
  });

  it('never runs two fires of the same trigger at once', async () => {
    const functionsDir = fixtureFunction(
      'slow',
      `export async function main() {
         const state = ((globalThis as any).__siyuSlow ??= { running: 0, maxRunning: 0, runs: 0, releases: [] as Array<() => void> });
         state.running++; state.runs++;
         state.maxRunning = Math.max(state.maxRunning, state.running);
         await new Promise<void>((done) => state.releases.push(done));
         state.running--;
         return { ok: true, data: null };
       }\n`,
      { name: 'sweep', config: '0 0 0 1 1 * 2099' },
    );
    const cloud = await startLocalCloud({ port: 0, dataDir: tempDir('siyu-timer-'), functionsDir, seed: false, timers: false, log: quiet });
    clouds.push(cloud);

    const first = cloud.fireTimer('slow', 'sweep');
    const second = cloud.fireTimer('slow', 'sweep');
    const state = await waitFor(() => (globalThis as any).__siyuSlow?.runs === 1 && (globalThis as any).__siyuSlow);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(state.runs).toBe(1);
    state.releases.shift()();
    await first;
    await waitFor(() => state.runs === 2);
    state.releases.shift()();
    await second;
    expect(state.maxRunning).toBe(1);
  });
});

/** Polls until `probe` answers something truthy (the test timeout bounds it). */
async function waitFor<T>(probe: () => T | null | undefined | false): Promise<T> {
  for (;;) {
    const value = probe();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 20));
  }
}
