import { flashSaleOfOrder, flashSaleUnitsOf } from '../../../core/flashsale/order';
import {
  FlashSaleCollections,
  memberDocId,
  shardDocId,
  type FlashSaleDoc,
  type FlashSaleMemberDoc,
  type FlashSaleShardDoc,
} from '../../../core/flashsale/types';
import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { releaseStockInTx } from '../order/stock';
import type { ServiceDeps } from '../order/deps';
import type { OrderHooks } from '../order/hooks';
import { forgetCachedSale } from './sale-cache';

/**
 * Flash-sale orders follow their order, in its transaction (each runs once:
 * the order's own transition is the guard).
 * - paid: the shard counts it paid, the member's document their paid units (paid buyers).
 * - cancelled (unpaid, by the customer or the expiry sweep): the unit goes
 *   back to its shard (or to the SKU when the sale was settled meanwhile),
 *   the member's count goes back, and a sold-out flag is lifted.
 * - refunded: the shard counts it refunded; an order that never left the
 *   shop gives its unit back to the SKU, as a shop order's refund does.
 */
export const flashSaleOrderHooks: OrderHooks = {
  async paid(tx, order, deps, now) {
    const info = flashSaleOfOrder(order);
    if (!info) return;
    const units = flashSaleUnitsOf(order);
    await shardRef(tx, info.saleId, info.shard).update({ paid: deps.db.command.inc(units), updatedAt: now });
    await memberRef(tx, info.saleId, order.openid).update({ paid: deps.db.command.inc(units), updatedAt: now });
  },
  async cancelled(tx, order, deps, now) {
    const info = flashSaleOfOrder(order);
    if (!info) return;
    const _ = deps.db.command;
    const units = flashSaleUnitsOf(order);
    const ref = shardRef(tx, info.saleId, info.shard);
    const shard = (await ref.get()).data;
    if (!shard) {
      deps.log.error('flash-sale order cancelled but its shard is missing', { orderId: order._id, ...info });
      return;
    }
    if (shard.closed) {
      await ref.update({ sold: _.inc(-units), returned: _.inc(units), updatedAt: now });
      await giveUnitToSku(tx, deps, order, 'cancel', now);
    } else {
      await ref.update({ sold: _.inc(-units), remaining: _.inc(units), updatedAt: now });
      const saleRef = tx.collection<FlashSaleDoc>(FlashSaleCollections.sales).doc(info.saleId);
      if ((await saleRef.get()).data?.soldOut) {
        await saleRef.update({ soldOut: false, updatedAt: now });
        // This instance's buyers see the unit from the next call (safe to repeat on a re-run).
        forgetCachedSale(deps.db, info.saleId);
      }
    }
    await tx
      .collection<FlashSaleMemberDoc>(FlashSaleCollections.members)
      .doc(memberDocId(info.saleId, order.openid))
      .update({ count: _.inc(-units), updatedAt: now });
  },
  async refunded(tx, order, deps, now) {
    const info = flashSaleOfOrder(order);
    if (!info) return;
    const _ = deps.db.command;
    const units = flashSaleUnitsOf(order);
    await shardRef(tx, info.saleId, info.shard).update({ paid: _.inc(-units), refunded: _.inc(units), updatedAt: now });
    await memberRef(tx, info.saleId, order.openid).update({ paid: _.inc(-units), updatedAt: now });
    if (order.shippedAt === null && order.completedAt === null) await giveUnitToSku(tx, deps, order, 'refund', now);
  },
};

const memberRef = (tx: Transaction, saleId: string, openid: string) =>
  tx.collection<FlashSaleMemberDoc>(FlashSaleCollections.members).doc(memberDocId(saleId, openid));

const shardRef = (tx: Transaction, saleId: string, shard: number) =>
  tx.collection<FlashSaleShardDoc>(FlashSaleCollections.shards).doc(shardDocId(saleId, shard));

/** The sale is settled: the order's unit goes back to the SKU, with the order's ledger entry (refund: keyed by its refund). */
async function giveUnitToSku(tx: Transaction, deps: ServiceDeps, order: Order, kind: 'cancel' | 'refund', now: number): Promise<void> {
  await releaseStockInTx(tx, deps.db.command, order.items, {
    kind,
    orderId: order._id,
    refId: kind === 'refund' ? (order.refundNo ?? undefined) : undefined,
    by: 'system',
    at: now,
  });
}
