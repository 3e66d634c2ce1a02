import { ORDER_KINDS, type OrderKind } from '../order/kind';
import type { GapHistogram } from './payers';

/** One day's figures: a rollup shard as stored, or the sum of a day's shards. */
export interface DailyFigures {
  day: string;
  /** Gross fen of the orders paid that day (Asia/Shanghai), and how many. */
  gmvFen: number;
  paidOrders: number;
  /** Fen of the refunds completed that day, and how many orders they ended. */
  refundFen: number;
  refundOrders: number;
  newMembers: number;
  /** Members who paid that day, by the gap to their previous paying day (see payers.ts). */
  payers: GapHistogram;
  kinds: Partial<Record<OrderKind, KindFigures>>;
}

export interface KindFigures {
  gmvFen: number;
  paidOrders: number;
}

export const emptyDaily = (day: string): DailyFigures => ({
  day,
  gmvFen: 0,
  paidOrders: 0,
  refundFen: 0,
  refundOrders: 0,
  newMembers: 0,
  payers: {},
  kinds: {},
});

const addCounts = (a: Record<string, number>, b: Record<string, number> | undefined): Record<string, number> => {
  const out = { ...a };
  for (const [key, value] of Object.entries(b ?? {})) out[key] = (out[key] ?? 0) + value;
  return out;
};

/** `a + b` (same day): how a day's shards are summed on read. Missing fields count as 0. */
export function addDaily(a: DailyFigures, b: Partial<DailyFigures>): DailyFigures {
  const kinds: DailyFigures['kinds'] = { ...a.kinds };
  for (const kind of ORDER_KINDS) {
    const more = b.kinds?.[kind];
    if (!more) continue;
    const base = kinds[kind] ?? { gmvFen: 0, paidOrders: 0 };
    kinds[kind] = { gmvFen: base.gmvFen + (more.gmvFen ?? 0), paidOrders: base.paidOrders + (more.paidOrders ?? 0) };
  }
  return {
    day: a.day,
    gmvFen: a.gmvFen + (b.gmvFen ?? 0),
    paidOrders: a.paidOrders + (b.paidOrders ?? 0),
    refundFen: a.refundFen + (b.refundFen ?? 0),
    refundOrders: a.refundOrders + (b.refundOrders ?? 0),
    newMembers: a.newMembers + (b.newMembers ?? 0),
    payers: addCounts(a.payers, b.payers),
    kinds,
  };
}

/** Shards (any order, any days) summed per day. */
export function sumByDay(shards: ReadonlyArray<Partial<DailyFigures> & { day: string }>): Map<string, DailyFigures> {
  const byDay = new Map<string, DailyFigures>();
  for (const shard of shards) byDay.set(shard.day, addDaily(byDay.get(shard.day) ?? emptyDaily(shard.day), shard));
  return byDay;
}

/** Drops zero counts so that equal figures compare equal however they were written. */
export function normaliseDaily(figures: DailyFigures): DailyFigures {
  const payers = Object.fromEntries(Object.entries(figures.payers).filter(([, n]) => n !== 0));
  const kinds = Object.fromEntries(Object.entries(figures.kinds).filter(([, k]) => k && (k.gmvFen !== 0 || k.paidOrders !== 0)));
  return { ...figures, payers, kinds };
}
