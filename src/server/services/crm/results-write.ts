import type { MemberProfileDoc } from '../../../core/crm/profile';
import type { Order } from '../../../core/order/types';
import { chinaDay } from '../../../core/points/china-day';
import type { DbCommand, Transaction } from '../../db';
import { CrmCollections, RESULT_SHARDS, type DeliveryDoc, type ResultShardDoc } from './records';

/**
 * In the payment's transaction: the order counts toward every campaign whose
 * window holds its payment time, in the member's arm (target or holdout).
 * The delivery keeps the member's own totals (converted once, GMV so far, so
 * the shard can add the change of GMV²); the arm's day is a random one of
 * RESULT_SHARDS shards (a campaign's conversions would otherwise all write one document).
 */
export async function creditOpenDeliveriesInTx(
  tx: Transaction,
  _: DbCommand,
  profile: MemberProfileDoc,
  order: Order,
  fen: number,
  now: number,
  random: () => number = Math.random,
): Promise<void> {
  const paidAt = order.paidAt ?? now;
  for (const open of profile.open) {
    if (paidAt < open.deliveredAt || paidAt > open.until) continue;
    const ref = tx.collection<DeliveryDoc>(CrmCollections.deliveries).doc(open.deliveryId);
    const delivery = (await ref.get()).data;
    if (!delivery) continue;
    const redeemed = delivery.couponId !== null && order.coupon?.couponId === delivery.couponId ? 1 : 0;
    const before = delivery.gmvFen;
    const after = before + fen;
    await ref.update({ converted: true, orders: _.inc(1), gmvFen: after, redeemed: _.inc(redeemed) });
    const day = chinaDay(paidAt);
    const shardId = `${open.campaignId}:${open.arm}:${day}:${Math.floor(random() * RESULT_SHARDS)}`;
    const shardRef = tx.collection<ResultShardDoc>(CrmCollections.results).doc(shardId);
    const delta = { converted: delivery.converted ? 0 : 1, orders: 1, gmvFen: fen, gmvSqFen: after * after - before * before, redeemed };
    const shard = (await shardRef.get()).data;
    if (shard) {
      await shardRef.update({
        converted: _.inc(delta.converted),
        orders: _.inc(1),
        gmvFen: _.inc(fen),
        gmvSqFen: _.inc(delta.gmvSqFen),
        redeemed: _.inc(redeemed),
        updatedAt: now,
      });
    } else {
      await shardRef.set({ campaignId: open.campaignId, arm: open.arm, day, ...delta, updatedAt: now });
    }
  }
}
