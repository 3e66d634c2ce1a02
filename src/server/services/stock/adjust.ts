import type { AdjustStockCommand, AdjustStockOutput } from '../../../core/contracts/stock';
import { isAppError } from '../../../core/errors';
import type { WithId } from '../../db';
import { newId } from '../../kit/ids';
import { assertSameInput, inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import { CatalogCollections, loadOne, type ProductDoc, type SkuDoc } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { IDEMPOTENCY_TTL_MS, idempotencyKey, OrderCollections, type IdempotencyDoc } from '../order/records';
import { refuse, transact, type Refusal } from '../order/transact';
import { writeAudit } from '../staff/audit';
import { StaffCollections, type StaffAuditDoc } from '../staff/records';
import { stockErrors } from './errors';
import { moveStockInTx, stockEntryId } from './ledger';
import { StockCollections, type StockLedgerDoc } from './records';
import { stockEntryView, stockSkuView } from './views';

export const ADJUST_STOCK_SCOPE = 'sa';
const FINGERPRINT_SCOPE = 'catalog.adjustStock';

/**
 * An operator adds or takes out units of a SKU, with a reason: one 'adjust'
 * ledger entry, the SKU's stock, the idempotency record and the audit entry
 * in one transaction. Never below zero (STOCK_NEGATIVE). The same operator
 * and requestId answer the first adjustment; with other input they are
 * IDEMPOTENCY_KEY_REUSED. Refusals are audited too, with their code.
 */
export async function adjustStock(deps: ServiceDeps, operator: string, input: AdjustStockCommand): Promise<AdjustStockOutput> {
  const key = idempotencyKey(ADJUST_STOCK_SCOPE, operator, input.requestId);
  const fingerprint = inputFingerprint(FINGERPRINT_SCOPE, operator, input);
  const { data: earlier } = await deps.db.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key).get();
  if (earlier[0]) {
    assertSameInput(earlier[0].inputHash, fingerprint);
    return outputOf(deps, earlier[0].resultId);
  }

  const now = deps.now();
  // The request scoped by its operator: two operators' requestIds never collide.
  const refId = key;
  const entryId = stockEntryId('adjust', refId, input.skuId);
  const auditId = newId('au', now);
  const audit = (result: string): StaffAuditDoc => ({
    staffOpenid: operator,
    storeId: '',
    action: 'adjustStock',
    target: input.skuId,
    result,
    detail: `${input.delta > 0 ? '+' : ''}${input.delta}：${input.reason}`,
    at: now,
  });

  try {
    await transact(deps.db, async (tx): Promise<string | Refusal> => {
      const idempotency = tx.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(key);
      const replay = (await idempotency.get()).data;
      if (replay) {
        const reused = reusedKeyError(replay.inputHash, fingerprint);
        return reused ? refuse(reused) : replay.resultId;
      }
      const moved = await moveStockInTx(tx, deps.db.command, {
        skuId: input.skuId,
        delta: input.delta,
        kind: 'adjust',
        refId,
        reason: input.reason,
        by: operator,
        at: now,
        mustCover: true,
      });
      if (moved.status === 'sku_not_found') return refuse(stockErrors.skuNotFound(input.skuId));
      if (moved.status === 'insufficient') return refuse(stockErrors.negative(input.skuId, moved.stock, input.delta));
      await idempotency.set({
        scope: ADJUST_STOCK_SCOPE,
        openid: operator,
        requestId: input.requestId,
        resultId: entryId,
        inputHash: fingerprint,
        createdAt: now,
        expiresAt: now + IDEMPOTENCY_TTL_MS,
      });
      await tx.collection<StaffAuditDoc>(StaffCollections.audit).doc(auditId).set(audit('ok'));
      return entryId;
    });
  } catch (error) {
    if (isAppError(error) && error.code !== 'IDEMPOTENCY_KEY_REUSED') await writeAudit(deps.db, audit(error.code));
    throw error;
  }
  deps.log.info('stock adjusted', { skuId: input.skuId, delta: input.delta, by: operator });
  return outputOf(deps, entryId);
}

async function outputOf(deps: ServiceDeps, entryId: string): Promise<AdjustStockOutput> {
  const entry = await loadOne<StockLedgerDoc>(deps.db, StockCollections.ledger, entryId);
  if (!entry) throw new Error(`stock entry ${entryId} vanished`);
  const sku = await loadOne<SkuDoc>(deps.db, CatalogCollections.skus, entry.skuId);
  if (!sku) throw stockErrors.skuNotFound(entry.skuId);
  const product = await loadOne<ProductDoc>(deps.db, CatalogCollections.products, sku.productId);
  return { sku: stockSkuView(sku as WithId<SkuDoc>, product), entry: stockEntryView(entry) };
}
