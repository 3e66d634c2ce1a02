import type { Channel } from '../../../src/core/crm/channel';
import {
  aovFenOf,
  EMPTY_STATS,
  netFenOf,
  netOrdersOf,
  topCategoriesOf,
  withPaidOrder,
  withRefund,
  type MemberStats,
  type PaidFacts,
  type RefundFacts,
} from '../../../src/core/crm/stats';
import { seededRandom } from '../../../src/core/seeded-random';

type Event = { kind: 'paid'; orderId: string; facts: PaidFacts } | { kind: 'refund'; orderId: string; facts: RefundFacts };

const fold = (events: readonly Event[]): MemberStats =>
  events.reduce((s, e) => (e.kind === 'paid' ? withPaidOrder(s, e.facts) : withRefund(s, e.facts)), EMPTY_STATS);

const CHANNELS: Channel[] = ['live', 'groupbuy', 'flashsale', 'direct'];
const CATEGORIES = ['tea', 'coffee', 'snack', 'gift'];

/** A member's history: orders (paidAt ties on purpose), some refunded in part, some in full, one with both. */
function history(random: () => number, orders: number): Event[] {
  const events: Event[] = [];
  for (let i = 0; i < orders; i++) {
    const orderId = `o${String(Math.floor(random() * 1e6)).padStart(6, '0')}-${i}`;
    const fen = 100 + Math.floor(random() * 50_000);
    const categoryIds = CATEGORIES.filter(() => random() < 0.5);
    if (random() < 0.3) categoryIds.push(categoryIds[0] ?? 'tea'); // a category on two lines counts once
    const paidAt = 1_700_000_000_000 + Math.floor(random() * 10) * 86_400_000; // only 10 distinct instants
    events.push({ kind: 'paid', orderId, facts: { orderId, paidAt, fen, categoryIds, channel: CHANNELS[Math.floor(random() * CHANNELS.length)] } });
    const roll = random();
    if (roll < 0.2) events.push({ kind: 'refund', orderId, facts: { fen: Math.floor(fen / 3), endsOrder: false, categoryIds } });
    if (roll < 0.1 || (roll > 0.8 && roll < 0.9)) events.push({ kind: 'refund', orderId, facts: { fen: fen - (roll < 0.1 ? Math.floor(fen / 3) : 0), endsOrder: true, categoryIds } });
  }
  return events;
}

/** A random interleaving in which each order's refunds still follow its payment (the only order transactions allow). */
function causalShuffle(events: readonly Event[], random: () => number): Event[] {
  const queues = new Map<string, Event[]>();
  for (const e of events) queues.set(e.orderId, [...(queues.get(e.orderId) ?? []), e]);
  const out: Event[] = [];
  const live = [...queues.values()];
  while (live.length) {
    const i = Math.floor(random() * live.length);
    out.push(live[i].shift()!);
    if (!live[i].length) live.splice(i, 1);
  }
  return out;
}

/** The same figures computed directly from the orders (what the rebuild must give). */
function direct(events: readonly Event[]): MemberStats {
  const paid = events.filter((e): e is Extract<Event, { kind: 'paid' }> => e.kind === 'paid').map((e) => e.facts);
  const refunds = events.filter((e): e is Extract<Event, { kind: 'refund' }> => e.kind === 'refund');
  const ended = new Set(refunds.filter((e) => e.facts.endsOrder).map((e) => e.orderId));
  const first = [...paid].sort((a, b) => a.paidAt - b.paidAt || (a.orderId < b.orderId ? -1 : 1))[0];
  const categoryOrders: Record<string, number> = {};
  for (const p of paid) if (!ended.has(p.orderId)) for (const c of new Set(p.categoryIds)) categoryOrders[c] = (categoryOrders[c] ?? 0) + 1;
  return {
    firstPaidAt: first?.paidAt ?? null,
    firstOrderId: first?.orderId ?? null,
    firstOrderChannel: first?.channel ?? null,
    lastPaidAt: paid.length ? Math.max(...paid.map((p) => p.paidAt)) : null,
    paidOrders: paid.length,
    paidFen: paid.reduce((s, p) => s + p.fen, 0),
    refundedOrders: ended.size,
    refundedFen: refunds.reduce((s, e) => s + e.facts.fen, 0),
    categoryOrders,
  };
}

describe('member stats fold commutatively', () => {
  it('any interleaving of payments and refunds gives the same stats as the direct recomputation', () => {
    const random = seededRandom(20250611);
    for (let member = 0; member < 60; member++) {
      const events = history(random, 1 + Math.floor(random() * 12));
      const expected = direct(events);
      expect(fold(events)).toEqual(expected);
      for (let k = 0; k < 8; k++) expect(fold(causalShuffle(events, random))).toEqual(expected);
    }
  });

  it('the first order is the earliest, ties broken by the smaller order id, whatever arrives first', () => {
    const at = 1_700_000_000_000;
    const a: PaidFacts = { orderId: 'b', paidAt: at, fen: 100, categoryIds: [], channel: 'live' };
    const b: PaidFacts = { orderId: 'a', paidAt: at, fen: 100, categoryIds: [], channel: 'groupbuy' };
    for (const s of [withPaidOrder(withPaidOrder(EMPTY_STATS, a), b), withPaidOrder(withPaidOrder(EMPTY_STATS, b), a)]) {
      expect(s).toMatchObject({ firstOrderId: 'a', firstOrderChannel: 'groupbuy', firstPaidAt: at, lastPaidAt: at, paidOrders: 2 });
    }
  });
});

describe('net figures', () => {
  const paid = (orderId: string, fen: number, categoryIds: string[] = []): PaidFacts => ({ orderId, paidAt: 1, fen, categoryIds, channel: 'direct' });

  it('net orders, net spend and 客单价 take refunds back, never below 0', () => {
    let s = withPaidOrder(withPaidOrder(withPaidOrder(EMPTY_STATS, paid('a', 10_000)), paid('b', 20_000)), paid('c', 5_001));
    s = withRefund(s, { fen: 20_000, endsOrder: true, categoryIds: [] });
    s = withRefund(s, { fen: 1_000, endsOrder: false, categoryIds: [] });
    expect(netOrdersOf(s)).toBe(2);
    expect(netFenOf(s)).toBe(14_001);
    expect(aovFenOf(s)).toBe(7_001); // 7000.5 rounds up
    expect(aovFenOf(EMPTY_STATS)).toBe(0);
    expect(netFenOf({ ...EMPTY_STATS, paidFen: 100, refundedFen: 200 })).toBe(0);
    expect(netOrdersOf({ ...EMPTY_STATS, paidOrders: 1, refundedOrders: 2 })).toBe(0);
  });

  it('top categories: most bought first, ties by id, refunded orders taken back', () => {
    let s = EMPTY_STATS;
    s = withPaidOrder(s, paid('1', 1, ['tea', 'tea', 'cake']));
    s = withPaidOrder(s, paid('2', 1, ['tea', 'coffee']));
    s = withPaidOrder(s, paid('3', 1, ['coffee', 'gift']));
    expect(s.categoryOrders).toEqual({ tea: 2, cake: 1, coffee: 2, gift: 1 });
    expect(topCategoriesOf(s)).toEqual(['coffee', 'tea', 'cake']);
    expect(topCategoriesOf(s, 1)).toEqual(['coffee']);
    s = withRefund(s, { fen: 1, endsOrder: true, categoryIds: ['coffee', 'gift'] });
    expect(s.categoryOrders).toEqual({ tea: 2, cake: 1, coffee: 1 });
    expect(topCategoriesOf(s)).toEqual(['tea', 'cake', 'coffee']);
    // A partial refund keeps the order and its categories.
    expect(withRefund(s, { fen: 1, endsOrder: false, categoryIds: ['tea'] }).categoryOrders).toEqual(s.categoryOrders);
  });
});
