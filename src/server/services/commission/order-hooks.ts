import type { CommissionKind } from '../../../core/commission/rules';
import type { Order } from '../../../core/order/types';
import { chinaMonth } from '../../../core/points/china-day';
import { paidFenOf } from '../../../core/stats/recompute';
import type { Transaction } from '../../db';
import type { OrderHooks } from '../order/hooks';
import { accrueCommissionInTx, reverseCommissionInTx } from './ledger';

/**
 * Commission follows orders in their own transactions (the order's
 * transition is the first guard, the ledger's cause-derived ids the second):
 * - paid: the bound guide (`order.guideId` at the `guideCommissionBps`
 *   snapshot taken at create) and the community leader (`order.community`)
 *   each accrue on the goods paid (paid − shipping), in the month of payment;
 * - refunded (the refund that ends the order): each reverses what is left;
 * - a partial refund (services/order/refunds completeRefund calls
 *   reverseOrderCommissionsInTx): its share.
 */
/** The refund that ends an order happens once: its reversal is `…:reverse:final`. */
export const FINAL_REFUND_KEY = 'final';

export const commissionOrderHooks: OrderHooks = {
  async paid(tx, order, _deps, now) {
    const baseFen = commissionBaseOf(order);
    const period = chinaMonth(order.paidAt ?? now);
    for (const b of beneficiariesOf(order)) {
      await accrueCommissionInTx(tx, { kind: b.kind, beneficiaryId: b.id, storeId: b.storeId, orderId: order._id, orderNo: order.orderNo ?? null, baseFen, rateBps: b.rateBps, period, now });
    }
  },
  async refunded(tx, order, _deps, now) {
    await reverseOrderCommissionsInTx(tx, order, { refundKey: FINAL_REFUND_KEY, refundedFen: paidFenOf(order), final: true }, now);
  },
};

/** A completed refund of `order` (partial, or the final one with `final`): every beneficiary's share back. */
export async function reverseOrderCommissionsInTx(
  tx: Transaction,
  order: Order,
  refund: { refundKey: string; refundedFen: number; final?: boolean },
  now: number,
): Promise<void> {
  const orderPaidFen = paidFenOf(order);
  for (const b of beneficiariesOf(order)) {
    await reverseCommissionInTx(tx, { kind: b.kind, beneficiaryId: b.id, orderId: order._id, refundKey: refund.refundKey, refundedFen: refund.refundedFen, orderPaidFen, final: refund.final, now });
  }
}

/** The goods' money paid: shipping earns no commission. */
export function commissionBaseOf(order: Pick<Order, 'payment' | 'amounts'>): number {
  return Math.max(0, paidFenOf(order) - (order.amounts.shippingFee ?? 0));
}

function beneficiariesOf(order: Order): Array<{ kind: CommissionKind; id: string; storeId: string | null; rateBps: number }> {
  const out: Array<{ kind: CommissionKind; id: string; storeId: string | null; rateBps: number }> = [];
  if (order.guideId && order.guideCommissionBps) out.push({ kind: 'guide', id: order.guideId, storeId: order.guideStoreId ?? null, rateBps: order.guideCommissionBps });
  const community = order.community;
  if (community?.leaderId && community.commissionBps) out.push({ kind: 'leader', id: community.leaderId, storeId: null, rateBps: community.commissionBps });
  return out;
}
