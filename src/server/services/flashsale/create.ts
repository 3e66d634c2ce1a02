import type { z } from 'zod';
import type { CreateFlashSaleInput, FlashSaleView } from '../../../core/contracts/flashsale';
import { flashSaleErrors } from '../../../core/flashsale/errors';
import { effectiveShardCount, splitQuantity } from '../../../core/flashsale/shards';
import { FlashSaleCollections, shardDocId, type FlashSaleDoc, type FlashSaleShardDoc } from '../../../core/flashsale/types';
import { saleIssues } from '../../../core/flashsale/validate';
import type { Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { CatalogCollections, loadOne, ON_SALE, type ProductDoc, type SkuDoc } from '../catalog/records';
import { moveStockInTx } from '../stock/ledger';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact, type Refusal } from '../order/transact';
import { defaultPaymentMinutes } from './records';
import { saleView } from './views';

export type CreateSaleRequest = z.output<typeof CreateFlashSaleInput>;

/**
 * Creates a sale and takes its quantity from the SKU's stock in the same
 * transaction (stock → sold, as an order reservation does), spread over
 * the shards. Unsold units go back to the SKU when the sale is settled, so
 * flash-sale orders never take catalog stock themselves.
 */
export async function createSale(deps: ServiceDeps, operator: string, input: CreateSaleRequest): Promise<FlashSaleView> {
  const now = deps.now();
  const sku = await loadOne<SkuDoc>(deps.db, CatalogCollections.skus, input.skuId);
  const product = sku ? await loadOne<ProductDoc>(deps.db, CatalogCollections.products, sku.productId) : null;
  if (!sku || !product) throw flashSaleErrors.skuNotFound(input.skuId);
  const paymentMinutes = input.paymentMinutes ?? (await defaultPaymentMinutes(deps));
  const terms = { ...input, paymentMinutes };
  const issues = saleIssues(terms, { price: sku.price, available: sku.stock }, now);
  if (product.status !== ON_SALE) issues.unshift({ field: 'skuId', message: '商品未上架，不能秒杀' });
  if (issues.length > 0) throw flashSaleErrors.invalid(issues);

  const saleId = newId('fs', now);
  const shardCount = effectiveShardCount(input.shards, input.quantity);
  const sale: FlashSaleDoc = {
    skuId: sku._id,
    productId: product._id,
    title: input.title ?? '',
    productName: product.name,
    skuName: sku.name,
    image: product.images?.[0] ?? null,
    listPrice: sku.price,
    salePrice: input.salePrice,
    quantity: input.quantity,
    startAt: input.startAt,
    endAt: input.endAt,
    stoppedAt: null,
    perMemberLimit: input.perMemberLimit,
    shardCount,
    paymentMinutes,
    soldOut: false,
    settledAt: null,
    createdBy: operator,
    createdAt: now,
    updatedAt: now,
  };
  await transact(deps.db, async (tx) => {
    const taken = await takeFromSkuInTx(tx, deps, sku._id, input.quantity, input.salePrice, { refId: saleId, by: operator, at: now });
    if (taken) return taken;
    await tx.collection<FlashSaleDoc>(FlashSaleCollections.sales).doc(saleId).set(sale);
    await writeShardsInTx(tx, saleId, input.quantity, shardCount, now);
    return null;
  });
  deps.log.info('flash sale created', { saleId, skuId: sku._id, quantity: input.quantity, shards: shardCount });
  return saleView(deps, { ...sale, _id: saleId }, operator);
}

/**
 * Moves `quantity` units of the SKU from stock to sold (a negative quantity
 * gives units back), re-checking stock and price as they are now. Ledger:
 * 'flashsale_allocate' (or 'flashsale_return' for units given back) keyed by `cause.refId`.
 */
export async function takeFromSkuInTx(
  tx: Transaction,
  deps: ServiceDeps,
  skuId: string,
  quantity: number,
  salePrice: number,
  cause: { refId: string; by: string; at: number },
): Promise<Refusal | null> {
  const sku = (await tx.collection<SkuDoc>(CatalogCollections.skus).doc(skuId).get()).data;
  if (!sku) return refuse(flashSaleErrors.skuNotFound(skuId));
  if (sku.stock < quantity) return refuse(flashSaleErrors.invalid([{ field: 'quantity', message: `秒杀数量不能超过可用库存 ${Math.max(0, sku.stock)}` }]));
  if (salePrice >= sku.price) return refuse(flashSaleErrors.invalid([{ field: 'salePrice', message: '秒杀价必须低于原价' }]));
  if (quantity !== 0) {
    await moveStockInTx(tx, deps.db.command, {
      skuId,
      delta: -quantity,
      kind: quantity > 0 ? 'flashsale_allocate' : 'flashsale_return',
      productId: sku.productId,
      ...cause,
    });
  }
  return null;
}

export async function writeShardsInTx(tx: Transaction, saleId: string, quantity: number, shardCount: number, now: number): Promise<void> {
  const split = splitQuantity(quantity, shardCount);
  for (const [shard, allocated] of split.entries()) {
    const doc: FlashSaleShardDoc = { saleId, shard, allocated, remaining: allocated, sold: 0, paid: 0, refunded: 0, returned: 0, closed: false, updatedAt: now };
    await tx.collection<FlashSaleShardDoc>(FlashSaleCollections.shards).doc(shardDocId(saleId, shard)).set(doc);
  }
}

