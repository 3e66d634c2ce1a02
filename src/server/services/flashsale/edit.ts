import type { z } from 'zod';
import type { FlashSaleView, UpdateFlashSaleInput } from '../../../core/contracts/flashsale';
import { flashSaleErrors } from '../../../core/flashsale/errors';
import { effectiveShardCount } from '../../../core/flashsale/shards';
import { isEditable, saleState } from '../../../core/flashsale/state';
import {
  FlashSaleCollections,
  shardDocId,
  type FlashSale,
  type FlashSaleDoc,
  type FlashSaleReminderDoc,
  type FlashSaleShardDoc,
} from '../../../core/flashsale/types';
import { saleIssues } from '../../../core/flashsale/validate';
import type { Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { CatalogCollections, loadOne, type SkuDoc } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { Refusal, refuse, transact } from '../order/transact';
import { takeFromSkuInTx, writeShardsInTx } from './create';
import { loadSale } from './records';
import { saleView } from './views';
import { forgetCachedSale } from './sale-cache';

export type UpdateSaleRequest = z.output<typeof UpdateFlashSaleInput>;

/**
 * Changes a SCHEDULED sale. Quantity changes move units between the SKU and
 * the sale; every shard is rewritten, so a buy racing the edit conflicts
 * with it instead of slipping past it.
 */
export async function updateSale(deps: ServiceDeps, operator: string, input: UpdateSaleRequest): Promise<FlashSaleView> {
  const now = deps.now();
  const current = await loadSale(deps.db, input.saleId);
  assertEditable(current, now);
  const sku = await loadOne<SkuDoc>(deps.db, CatalogCollections.skus, current.skuId);
  if (!sku) throw flashSaleErrors.skuNotFound(current.skuId);
  const terms = {
    salePrice: input.salePrice ?? current.salePrice,
    quantity: input.quantity ?? current.quantity,
    startAt: input.startAt ?? current.startAt,
    endAt: input.endAt ?? current.endAt,
    perMemberLimit: input.perMemberLimit ?? current.perMemberLimit,
    shards: input.shards ?? current.shardCount,
    paymentMinutes: input.paymentMinutes ?? current.paymentMinutes,
  };
  const issues = saleIssues(terms, { price: sku.price, available: sku.stock + current.quantity }, now);
  if (issues.length > 0) throw flashSaleErrors.invalid(issues);
  const shardCount = effectiveShardCount(terms.shards, terms.quantity);
  // Each edit is its own cause in the stock ledger (a sale may be edited many times).
  const stockCause = { refId: `${input.saleId}:${newId('e', now)}`, by: operator, at: now };

  const updated = await transact(deps.db, async (tx): Promise<FlashSale | Refusal> => {
    const sale = await readUntouchedSaleInTx(tx, input.saleId, now);
    if (sale instanceof Refusal) return sale;
    const taken = await takeFromSkuInTx(tx, deps, sale.skuId, terms.quantity - sale.quantity, terms.salePrice, stockCause);
    if (taken) return taken;
    for (let shard = shardCount; shard < sale.shardCount; shard += 1) {
      await tx.collection<FlashSaleShardDoc>(FlashSaleCollections.shards).doc(shardDocId(sale._id, shard)).remove();
    }
    await writeShardsInTx(tx, sale._id, terms.quantity, shardCount, now);
    const patch = {
      salePrice: terms.salePrice,
      quantity: terms.quantity,
      startAt: terms.startAt,
      endAt: terms.endAt,
      perMemberLimit: terms.perMemberLimit,
      shardCount,
      paymentMinutes: terms.paymentMinutes,
      title: input.title ?? sale.title,
      listPrice: sku.price,
      updatedAt: now,
    };
    await tx.collection<FlashSaleDoc>(FlashSaleCollections.sales).doc(sale._id).update(patch);
    return { ...sale, ...patch };
  });
  forgetCachedSale(deps.db, updated._id);
  if (updated.startAt !== current.startAt) await moveReminders(deps, updated._id, updated.startAt);
  deps.log.info('flash sale updated', { saleId: updated._id, by: operator });
  return saleView(deps, updated, operator);
}

/** Starts a SCHEDULED sale now. */
export async function launchSaleNow(deps: ServiceDeps, operator: string, saleId: string): Promise<FlashSaleView> {
  const now = deps.now();
  assertEditable(await loadSale(deps.db, saleId), now);
  const launched = await transact(deps.db, async (tx): Promise<FlashSale | Refusal> => {
    const sale = await readUntouchedSaleInTx(tx, saleId, now);
    if (sale instanceof Refusal) return sale;
    await tx.collection<FlashSaleDoc>(FlashSaleCollections.sales).doc(saleId).update({ startAt: now, updatedAt: now });
    return { ...sale, startAt: now, updatedAt: now };
  });
  forgetCachedSale(deps.db, saleId);
  await moveReminders(deps, saleId, now);
  deps.log.info('flash sale launched now', { saleId, by: operator });
  return saleView(deps, launched, operator);
}

function assertEditable(sale: FlashSale, now: number): void {
  const state = saleState({ ...sale, remaining: sale.quantity }, now);
  if (!isEditable(state)) throw flashSaleErrors.notEditable(sale._id, state);
}

/** The sale, still SCHEDULED and with no unit taken; a refusal otherwise. */
async function readUntouchedSaleInTx(tx: Transaction, saleId: string, now: number): Promise<FlashSale | Refusal> {
  const sale = (await tx.collection<FlashSaleDoc>(FlashSaleCollections.sales).doc(saleId).get()).data;
  if (!sale) return refuse(flashSaleErrors.notFound(saleId));
  const state = saleState({ ...sale, remaining: sale.quantity }, now);
  if (!isEditable(state) || sale.settledAt !== null) return refuse(flashSaleErrors.notEditable(saleId, state));
  for (let shard = 0; shard < sale.shardCount; shard += 1) {
    const doc = (await tx.collection<FlashSaleShardDoc>(FlashSaleCollections.shards).doc(shardDocId(saleId, shard)).get()).data;
    if (!doc || doc.sold > 0 || doc.remaining !== doc.allocated) return refuse(flashSaleErrors.notEditable(saleId, 'LIVE'));
  }
  return sale;
}

async function moveReminders(deps: ServiceDeps, saleId: string, remindAt: number): Promise<void> {
  await deps.db
    .collection<FlashSaleReminderDoc>(FlashSaleCollections.reminders)
    .where({ saleId, status: 'PENDING' })
    .update({ remindAt });
}
