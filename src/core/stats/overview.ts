import type { StatsFigures, StatsOverview } from '../contracts/stats';
import { SALES_KINDS } from '../order/kind';
import { emptyDaily, type DailyFigures } from './figures';
import { payingCustomersOf } from './payers';
import { rangeWindows, type DayWindow, type StatsRange } from './range';

function figuresOf(window: DayWindow, byDay: ReadonlyMap<string, DailyFigures>): StatsFigures {
  const days = window.days.map((day) => byDay.get(day) ?? emptyDaily(day));
  const sum = (pick: (d: DailyFigures) => number) => days.reduce((total, d) => total + pick(d), 0);
  return {
    gmvFen: sum((d) => d.gmvFen),
    paidOrders: sum((d) => d.paidOrders),
    payingCustomers: payingCustomersOf(window.days, (day) => byDay.get(day)?.payers),
    newMembers: sum((d) => d.newMembers),
    refundFen: sum((d) => d.refundFen),
    refundOrders: sum((d) => d.refundOrders),
    series: days.map((d) => ({ day: d.day, gmvFen: d.gmvFen, paidOrders: d.paidOrders })),
    kinds: SALES_KINDS.map((kind) => ({
      kind,
      gmvFen: sum((d) => d.kinds[kind]?.gmvFen ?? 0),
      paidOrders: sum((d) => d.kinds[kind]?.paidOrders ?? 0),
    })),
  };
}

/** The overview of `range` (ending today, Shanghai) and its previous period, from per-day figures. */
export function overviewOf(range: StatsRange, now: number, byDay: ReadonlyMap<string, DailyFigures>): StatsOverview {
  const { current, previous } = rangeWindows(range, now);
  return {
    range,
    from: current.from,
    to: current.to,
    ...figuresOf(current, byDay),
    previous: { from: previous.from, to: previous.to, ...figuresOf(previous, byDay) },
    serverNow: now,
  };
}

/** Percent change from `before` to `now` (null when there is nothing to compare with). */
export function changePercent(now: number, before: number): number | null {
  if (before === 0) return now === 0 ? 0 : null;
  return Math.round(((now - before) / before) * 1000) / 10;
}

/** Average order value in fen (0 without orders). */
export const averageOrderFen = (f: Pick<StatsFigures, 'gmvFen' | 'paidOrders'>): number => (f.paidOrders > 0 ? Math.round(f.gmvFen / f.paidOrders) : 0);

/** Refunded share of GMV, in percent with one decimal (0 without GMV). */
export const refundRatePercent = (f: Pick<StatsFigures, 'gmvFen' | 'refundFen'>): number =>
  f.gmvFen > 0 ? Math.round((f.refundFen / f.gmvFen) * 1000) / 10 : 0;
