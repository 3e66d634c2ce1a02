import type { FlashSaleList, FlashSaleState, FlashSaleStats, FlashSaleView } from '../../../core/contracts/flashsale';
import { saleState } from '../../../core/flashsale/state';
import { FlashSaleCollections, type FlashSaleDoc } from '../../../core/flashsale/types';
import { saleTotals, toShardStats } from '../../../core/flashsale/view';
import type { ServiceDeps } from '../order/deps';
import { loadSale, loadShards } from './records';
import { saleView, saleViews } from './views';

/** How long a sold-out sale stays in the customers' list after its end. */
export const RECENT_SOLD_OUT_MS = 24 * 60 * 60 * 1000;
const LIST_LIMIT = 50;

/**
 * Customers: sales not stopped that are upcoming, live, or sold out and
 * ended within a day, soonest first. Operators: every sale, newest start
 * first (ENDED included). `state` narrows either list.
 */
export async function listSales(deps: ServiceDeps, openid: string, asOperator: boolean, state?: FlashSaleState): Promise<FlashSaleList> {
  const now = deps.now();
  const _ = deps.db.command;
  const sales = deps.db.collection<FlashSaleDoc>(FlashSaleCollections.sales);
  const { data } = asOperator
    ? await sales.orderBy('startAt', 'desc').limit(LIST_LIMIT).get()
    : await sales.where({ stoppedAt: null, endAt: _.gt(now - RECENT_SOLD_OUT_MS) }).orderBy('startAt', 'asc').limit(LIST_LIMIT).get();
  const views = await saleViews(deps, data, openid);
  const shown = views.filter((view) => (asOperator || view.state !== 'ENDED') && (state === undefined || view.state === state));
  return { sales: shown, serverNow: now };
}

export async function getSale(deps: ServiceDeps, openid: string, saleId: string): Promise<FlashSaleView> {
  return saleView(deps, await loadSale(deps.db, saleId), openid);
}

/** The operator's live view of one sale. */
export async function saleStats(deps: ServiceDeps, saleId: string): Promise<FlashSaleStats> {
  const sale = await loadSale(deps.db, saleId);
  const _ = deps.db.command;
  const [shardsBySale, reminders, paidBuyers] = await Promise.all([
    loadShards(deps.db, [saleId]),
    deps.db.collection(FlashSaleCollections.reminders).where({ saleId }).count(),
    deps.db.collection(FlashSaleCollections.members).where({ saleId, paid: _.gt(0) }).count(),
  ]);
  const shards = shardsBySale.get(saleId) ?? [];
  const totals = saleTotals(shards);
  const now = deps.now();
  // Units still on sale: once the sale is stopped or settled they are back in the SKU (`returned`), so
  // quantity = sold + remaining + returned always holds.
  const remaining = totals.available;
  return {
    saleId,
    state: saleState({ ...sale, remaining: Math.max(0, sale.quantity - totals.sold) }, now),
    quantity: sale.quantity,
    sold: totals.sold,
    paid: totals.paid,
    remaining,
    pendingOrders: Math.max(0, totals.sold - totals.paid - refundedOf(shards)),
    returned: totals.returned,
    reminders: reminders.total,
    // Each flash-sale order is one unit at the sale price; refunded units are no longer paid.
    paidFen: totals.paid * sale.salePrice,
    paidBuyers: paidBuyers.total,
    shards: shards.map(toShardStats),
    serverNow: now,
  };
}

const refundedOf = (shards: ReadonlyArray<{ refunded: number }>): number => shards.reduce((sum, s) => sum + s.refunded, 0);
