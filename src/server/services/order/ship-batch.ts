import type { ShipBatchResult, ShipBatchView } from '../../../core/contracts/order-ops';
import type { OrderView } from '../../../core/contracts/order';
import { isAppError } from '../../../core/errors';
import type { Transaction } from '../../db';
import { withIdempotency } from '../../kit/idempotency';
import { inputFingerprint } from '../../kit/input-fingerprint';
import { writeAudit, writeAuditInTx } from '../staff/audit';
import type { ServiceDeps } from './deps';
import { shipOrder } from './lifecycle';
import { idempotencyKey, IDEMPOTENCY_TTL_MS } from './records';

export const SHIP_BATCH_SCOPE = 'order.shipBatch';

export interface ShipLine {
  orderId: string;
  carrier: string;
  trackingNo: string;
}

/**
 * An operator ships one order with its carrier and tracking number: the
 * status change and the audit entry (shipOrder) in one transaction; a
 * refusal is audited with its code and thrown.
 */
export async function shipOneAudited(deps: ServiceDeps, operatorOpenid: string, line: ShipLine): Promise<OrderView> {
  const detail = `${line.carrier} ${line.trackingNo}`.trim();
  const audit = { staffOpenid: operatorOpenid, storeId: '', action: 'shipOrder' as const, target: line.orderId, detail };
  try {
    return await shipOrder(deps, line.orderId, line.trackingNo, {
      carrier: line.carrier || undefined,
      alsoInTx: (tx: Transaction) => writeAuditInTx(tx, { ...audit, result: 'ok', at: deps.now() }),
    });
  } catch (error) {
    if (isAppError(error)) await writeAudit(deps.db, { ...audit, result: error.code, at: deps.now() });
    throw error;
  }
}

/**
 * A batch of shipments, each its own transaction, answered per order (one
 * refused order does not stop the others). Keyed by requestId: a retry with
 * the same lines answers the first results and ships nothing twice; other
 * lines under the same requestId are IDEMPOTENCY_KEY_REUSED.
 */
export async function shipBatch(deps: ServiceDeps, operatorOpenid: string, input: { items: ShipLine[]; requestId: string }): Promise<ShipBatchView> {
  const key = idempotencyKey(SHIP_BATCH_SCOPE, operatorOpenid, input.requestId);
  const fingerprint = inputFingerprint(SHIP_BATCH_SCOPE, operatorOpenid, input);
  return withIdempotency(
    deps.db,
    key,
    IDEMPOTENCY_TTL_MS,
    async () => {
      const results: ShipBatchResult[] = [];
      for (const line of input.items) {
        try {
          const order = await shipOneAudited(deps, operatorOpenid, line);
          results.push({ orderId: line.orderId, ok: true, status: order.status });
        } catch (error) {
          if (!isAppError(error)) throw error;
          results.push({ orderId: line.orderId, ok: false, code: error.code, message: error.message });
        }
      }
      const shipped = results.filter((result) => result.ok).length;
      return { results, shipped, failed: results.length - shipped };
    },
    { now: deps.now, fingerprint },
  );
}
