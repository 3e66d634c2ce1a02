import { chinaDay } from '../points/china-day';
import { orderKindOf } from '../order/kind';
import type { Order } from '../order/types';
import { addDaily, emptyDaily, type DailyFigures } from './figures';
import { gapBucket } from './payers';

export type OrderFacts = Pick<Order, '_id' | 'openid' | 'status' | 'paidAt' | 'refundedAt' | 'payment' | 'amounts' | 'source'> & {
  liveRoomId?: string | null;
};

/** Fen an order's payment took: its gross amount in GMV. */
export const paidFenOf = (order: Pick<Order, 'payment' | 'amounts'>): number => order.payment?.amount ?? order.amounts.payable;

/** Fen a completed refund gave back (a whole-order refund: what was paid). */
export const refundFenOf = (order: Pick<Order, 'payment' | 'amounts'>): number => paidFenOf(order);

/** The order was paid (its payment applied) at `paidAt`. */
export const wasPaid = (order: OrderFacts): order is OrderFacts & { paidAt: number } => order.paidAt !== null && order.payment !== null;

/** The order's refund completed (REFUNDED) at `refundedAt`. */
export const wasRefunded = (order: OrderFacts): order is OrderFacts & { refundedAt: number } =>
  order.status === 'REFUNDED' && order.refundedAt !== null;

/**
 * The daily figures, recomputed from the orders and the members' join times:
 * what the rollups must equal (the rebuild writes this; tests compare it).
 */
export function dailyFromHistory(orders: readonly OrderFacts[], memberJoins: readonly number[]): Map<string, DailyFigures> {
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
    if (wasRefunded(order)) add(chinaDay(order.refundedAt), { refundFen: refundFenOf(order), refundOrders: 1 });
  }
  for (const days of paidDaysByMember.values()) {
    const sorted = [...days].sort();
    sorted.forEach((day, i) => add(day, { payers: { [gapBucket(day, i > 0 ? sorted[i - 1] : null)]: 1 } }));
  }
  for (const joinedAt of memberJoins) add(chinaDay(joinedAt), { newMembers: 1 });
  return byDay;
}
