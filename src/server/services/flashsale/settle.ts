import type { FlashSaleView } from '../../../core/contracts/flashsale';
import { flashSaleErrors } from '../../../core/flashsale/errors';
import { FlashSaleCollections, shardDocId, type FlashSale, type FlashSaleDoc, type FlashSaleShardDoc } from '../../../core/flashsale/types';
import type { Transaction } from '../../db';
import { moveStockInTx } from '../stock/ledger';
import type { ServiceDeps } from '../order/deps';
import { Refusal, refuse, transact } from '../order/transact';
import { loadSale } from './records';
import { saleView } from './views';
import { forgetCachedSale } from './sale-cache';

/** Sales one timer run settles at most; the next minute takes the rest. */
const SETTLE_BATCH = 100;

export interface SettleReport {
  /** Sales this run settled (a sale settled by a concurrent run is not counted). */
  settled: number;
  /** Unsold units given back to SKUs. */
  returned: number;
}

/**
 * The `settle` timer: every sale past its end and not yet settled gives its
 * unsold units back to the SKU, each in one transaction that closes the
 * shards and stamps `settledAt`, so two runs at once give them back once.
 */
export async function settleEndedSales(deps: ServiceDeps): Promise<SettleReport> {
  const now = deps.now();
  const _ = deps.db.command;
  const { data } = await deps.db
    .collection<FlashSaleDoc>(FlashSaleCollections.sales)
    .where({ settledAt: null, endAt: _.lte(now) })
    .limit(SETTLE_BATCH)
    .get();
  const report: SettleReport = { settled: 0, returned: 0 };
  for (const sale of data) {
    const outcome = await transact(deps.db, (tx) => settleSaleInTx(tx, deps, sale._id, now, false, 'system'));
    forgetCachedSale(deps.db, sale._id);
    if (outcome.settledNow) {
      report.settled += 1;
      report.returned += outcome.returned;
      deps.log.info('flash sale settled', { saleId: sale._id, returned: outcome.returned });
    }
  }
  return report;
}

/** The operator stops a sale early (ENDED with `stoppedAt`); its unsold units go back to the SKU at once. A repeat changes nothing. */
export async function stopSale(deps: ServiceDeps, operator: string, saleId: string): Promise<FlashSaleView> {
  const now = deps.now();
  await loadSale(deps.db, saleId);
  const outcome = await transact(deps.db, (tx) => settleSaleInTx(tx, deps, saleId, now, true, operator));
  forgetCachedSale(deps.db, saleId);
  if (outcome.settledNow) deps.log.info('flash sale stopped', { saleId, by: operator, returned: outcome.returned });
  return saleView(deps, outcome.sale, operator);
}

interface SettleOutcome {
  sale: FlashSale;
  settledNow: boolean;
  returned: number;
}

/**
 * Closes every shard (what is left goes back to the SKU: stock up, sold
 * down) and stamps the sale settled. `stop`: also before the end, marking
 * the sale stopped. Nothing happens to a sale settled already.
 */
async function settleSaleInTx(
  tx: Transaction,
  deps: ServiceDeps,
  saleId: string,
  now: number,
  stop: boolean,
  by: string,
): Promise<SettleOutcome | Refusal> {
  const _ = deps.db.command;
  const sales = tx.collection<FlashSaleDoc>(FlashSaleCollections.sales);
  const sale = (await sales.doc(saleId).get()).data;
  if (!sale) return refuse(flashSaleErrors.notFound(saleId));
  if (sale.settledAt !== null || (!stop && now < sale.endAt)) return { sale, settledNow: false, returned: 0 };

  let returned = 0;
  for (let shard = 0; shard < sale.shardCount; shard += 1) {
    const ref = tx.collection<FlashSaleShardDoc>(FlashSaleCollections.shards).doc(shardDocId(saleId, shard));
    const doc = (await ref.get()).data;
    if (!doc) continue;
    returned += doc.remaining;
    await ref.update({ remaining: 0, returned: _.inc(doc.remaining), closed: true, updatedAt: now });
  }
  if (returned > 0) {
    await moveStockInTx(tx, _, {
      skuId: sale.skuId,
      productId: sale.productId,
      delta: returned,
      kind: 'flashsale_return',
      refId: saleId,
      by,
      at: now,
    });
  }
  const stoppedAt = stop && sale.stoppedAt === null && now < sale.endAt ? now : sale.stoppedAt;
  const patch = { settledAt: now, stoppedAt, updatedAt: now };
  await sales.doc(saleId).update(patch);
  return { sale: { ...sale, ...patch }, settledNow: true, returned };
}
