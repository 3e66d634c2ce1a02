// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { OrderKind } from '../order/kind';
import { STATS_RANGES, type StatsRange } from '../stats/range';

/**
 * Contracts of the `stats` function (运营概览), operators only. Figures come
 * from daily rollups written in the payment, refund and join transactions
 * (days in Asia/Shanghai); money is integer fen.
 */

export const StatsOverviewInput = z.object({ range: z.enum(STATS_RANGES) });

/** `rebuild` (operator or timer): recompute the last `days` days' rollups from the orders and members. */
export const MAX_REBUILD_DAYS = 90;
export const StatsRebuildInput = z.object({ days: z.number().int().min(1).max(MAX_REBUILD_DAYS).default(60) });

export const statsContracts = {
  overview: { input: StatsOverviewInput },
  rebuild: { input: StatsRebuildInput },
};

export interface StatsSeriesPoint {
  /** `YYYY-MM-DD` (Asia/Shanghai). */
  day: string;
  gmvFen: Fen;
  paidOrders: number;
}

export interface StatsKindFigures {
  kind: OrderKind;
  gmvFen: Fen;
  paidOrders: number;
}

export interface StatsFigures {
  /** Gross fen of the orders paid in the range. */
  gmvFen: Fen;
  paidOrders: number;
  /** Distinct members with a paid order in the range. */
  payingCustomers: number;
  newMembers: number;
  /** Fen of the refunds completed in the range (net = gmvFen − refundFen). */
  refundFen: Fen;
  refundOrders: number;
  series: StatsSeriesPoint[];
  /** Paid orders and GMV per kind of order, every kind listed. */
  kinds: StatsKindFigures[];
}

export interface StatsOverview extends StatsFigures {
  range: StatsRange;
  from: string;
  to: string;
  /** The period of the same length just before. */
  previous: StatsFigures & { from: string; to: string };
  serverNow: number;
}

export interface StatsRebuildReport {
  from: string;
  to: string;
  days: number;
  orders: number;
  members: number;
}

export interface StatsOutputs {
  overview: StatsOverview;
  rebuild: StatsRebuildReport;
}

export type StatsOverviewInput = z.input<typeof StatsOverviewInput>;
