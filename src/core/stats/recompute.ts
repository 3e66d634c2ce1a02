import { chinaDay } from '../points/china-day';
import { orderKindOf } from '../order/kind';
import { refundEndsOrder, type RefundDoc } from '../order/refund';
import type { Order } from '../order/types';
import { addDaily, emptyDaily, type DailyFigures } from './figures';
import { gapBucket } from './payers';

export type OrderFacts = Pick<Order, '_id' | 'openid' | 'status' | 'paidAt' | 'payment' | 'amounts' | 'source'> & {
  liveRoomId?: string | null;
};

/** Fen an order's payment took: its gross amount in GMV. */
export const paidFenOf = (order: Pick<Order, 'payment' | 'amounts'>): number => order.payment?.amount ?? order.amounts.payable;

/** What the dashboard needs of a refund (`refunds` collection, `_id` = out_refund_no). */
export type RefundFacts = Pick<RefundDoc, 'reason' | 'status' | 'amount' | 'partial' | 'doneAt'> & { _id: string };

/**
 * A completed refund of an order's counted payment: a customer's refund,
 * partial or full, or a group-buy's (not the money of a payment that never
 * counted as GMV: after cancellation, of the wrong amount, a duplicate).
 * Each adds its own `amount` on the day it completed; one that ends the order
 * (not partial) also counts the order in `refundOrders`: partial refunds
 * add money, not refunded orders, so an order counts once, on its final refund.
 */
export const countsAsRefund = (refund: RefundFacts): refund is RefundFacts & { doneAt: number } =>
  refund.status === 'DONE' && refund.doneAt !== null && refundEndsOrder(refund.reason);

/** What one completed refund adds to its day's rollup. */
export const refundDeltaOf = (refund: Pick<RefundFacts, 'amount' | 'partial'>): { refundFen: number; refundOrders: number } => ({
  refundFen: refund.amount,
  refundOrders: refund.partial ? 0 : 1,
});

/** The order was paid (its payment applied) at `paidAt`. */
export const wasPaid = (order: OrderFacts): order is OrderFacts & { paidAt: number } => order.paidAt !== null && order.payment !== null;

/**
 * The daily figures, recomputed from the orders (payments), the refunds
 * (completed ones, by `doneAt`) and the members' join times: what the rollups
 * must equal (the rebuild writes this; tests compare it).
 */
export function dailyFromHistory(orders: readonly OrderFacts[], refunds: readonly RefundFacts[], memberJoins: readonly number[]): Map<string, DailyFigures> {
  const byDay = new Map<string, DailyFigures>();
  const add = (day: string, more: Partial<DailyFigures>) => byDay.set(day, addDaily(byDay.get(day) ?? emptyDaily(day), more));
  const paidDaysByMember = new Map<string, Set<string>>();
  for (const order of orders) {
    if (wasPaid(order)) {
      const day = chinaDay(order.paidAt);
      const fen = paidFenOf(order);
      add(day, { gmvFen: fen, paidOrders: 1, kinds: { [orderKindOf(order)]: { gmvFen: fen, paidOrders: 1 } } });
      const days = paidDaysByMember.get(order.openid) ?? new Set<string>();
      days.add(day);
      paidDaysByMember.set(order.openid, days);
    }
  }
  for (const refund of refunds) if (countsAsRefund(refund)) add(chinaDay(refund.doneAt), refundDeltaOf(refund));
  for (const days of paidDaysByMember.values()) {
    const sorted = [...days].sort();
    sorted.forEach((day, i) => add(day, { payers: { [gapBucket(day, i > 0 ? sorted[i - 1] : null)]: 1 } }));
  }
  for (const joinedAt of memberJoins) add(chinaDay(joinedAt), { newMembers: 1 });
  return byDay;
}
