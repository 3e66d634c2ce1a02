/** withIdempotency on the local engine: once per key, replays answer the stored result. */
import { AppError } from '../../src/core/errors';
import { IDEMPOTENCY_COLLECTION, withIdempotency } from '../../src/server/kit';
import { manualClock } from '../../src/server/kit/clock';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';

const DAY = 24 * 60 * 60 * 1000;
let db: LocalDb;
const clock = manualClock(Date.UTC(2030, 0, 1));

beforeEach(() => {
  db = openLocalDb({ memory: true });
  clock.set(Date.UTC(2030, 0, 1));
});
afterEach(() => db.close());

const once = <R>(key: string, fn: () => Promise<R>, leaseMs?: number) => withIdempotency(db, key, 7 * DAY, fn, { now: clock, leaseMs });

test('runs once; a replay answers the stored result without running', async () => {
  let runs = 0;
  const fn = async () => ({ orderId: `order-${++runs}`, total: 1200 });
  await expect(once('pay:o1', fn)).resolves.toEqual({ orderId: 'order-1', total: 1200 });
  await expect(once('pay:o1', fn)).resolves.toEqual({ orderId: 'order-1', total: 1200 });
  expect(runs).toBe(1);
  await expect(once('pay:o2', fn)).resolves.toEqual({ orderId: 'order-2', total: 1200 });
});

test('concurrent calls with one key: one runs, the others are told it is in progress', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let runs = 0;
  const slow = async () => {
    runs++;
    await gate;
    return 'done';
  };
  const first = once('k', slow);
  const others = await Promise.allSettled([once('k', slow), once('k', slow)]);
  release();
  await expect(first).resolves.toBe('done');
  expect(runs).toBe(1);
  for (const other of others) {
    expect(other.status).toBe('rejected');
    if (other.status === 'rejected') expect(other.reason).toMatchObject({ code: 'REQUEST_IN_PROGRESS' });
  }
  await expect(once('k', slow)).resolves.toBe('done');
});

test('a failure releases the key so the call can be retried', async () => {
  let attempt = 0;
  const flaky = async () => {
    if (++attempt === 1) throw new AppError('PAYMENT_FAILED', '支付失败');
    return attempt;
  };
  await expect(once('k', flaky)).rejects.toMatchObject({ code: 'PAYMENT_FAILED' });
  await expect(once('k', flaky)).resolves.toBe(2);
  await expect(once('k', flaky)).resolves.toBe(2);
});

test('after the ttl the key is free again', async () => {
  let runs = 0;
  const fn = async () => ++runs;
  await once('k', fn);
  clock.advance(7 * DAY - 1);
  await expect(once('k', fn)).resolves.toBe(1);
  clock.advance(1);
  await expect(once('k', fn)).resolves.toBe(2);
});

test('a claim abandoned past its lease (a crashed call) is taken over', async () => {
  await db.collection(IDEMPOTENCY_COLLECTION).add({ _id: 'k', state: 'pending', lease: 'dead', expiresAt: clock() + 1000, createdAt: clock() });
  await expect(once('k', async () => 'x')).rejects.toMatchObject({ code: 'REQUEST_IN_PROGRESS' });
  clock.advance(1000);
  await expect(once('k', async () => 'taken over')).resolves.toBe('taken over');
  const { data } = await db.collection(IDEMPOTENCY_COLLECTION).doc('k').get();
  expect(data[0]).toMatchObject({ state: 'done', resultJson: '"taken over"', expiresAt: clock() + 7 * DAY });
});

test('first call and replays answer the same stored JSON', async () => {
  await expect(once('k', async () => undefined)).resolves.toBeNull();
  await expect(once('k', async () => 'never')).resolves.toBeNull();
  const at = new Date(Date.UTC(2030, 0, 2));
  await expect(once('d', async () => ({ at }))).resolves.toEqual({ at: at.toISOString() });
  await expect(once('d', async () => ({ at }))).resolves.toEqual({ at: at.toISOString() });
});
