import type { VerifyPickupResult } from '../../../core/contracts/staff';
import { orderErrors } from '../../../core/order/errors';
import { displayOrderNo } from '../../../core/order/order-no';
import type { Order } from '../../../core/order/types';
import { requireStaffOfStore } from '../../kit/guards';
import type { Caller } from '../../kit/types';
import { loadMember } from '../member/access';
import { loadOrder } from '../order/access';
import { changeOrder } from '../order/change';
import { changes, handOverDecision } from '../order/hand-over';
import type { ServiceDeps } from '../order/deps';
import { refuse } from '../order/transact';
import { auditingRefusals, writeAudit, writeAuditInTx } from './audit';
import { staffErrors } from './errors';
import { pickupStoreNameOf, pickupStoreOf, pickupSummaryOf } from './order-summary';

/**
 * Staff hand over a pickup order: READY_FOR_PICKUP → COMPLETED (`pickUp`),
 * only at the order's own store, with the audit entry and the release of
 * its 取货码 in the same transaction. A repeat at the same store answers the completed order.
 */
export async function verifyPickup(deps: ServiceDeps, caller: Caller, orderId: string, storeId: string): Promise<VerifyPickupResult> {
  requireStaffOfStore(caller, storeId);
  const now = deps.now();
  const before = await loadOrder(deps.db, orderId);
  // Read before the transaction: the refusal inside it must not read another collection.
  const rightStoreName = before ? await pickupStoreNameOf(deps.db, before) : '';
  const audit = {
    staffOpenid: caller.openid ?? '',
    storeId,
    action: 'verifyPickup' as const,
    target: orderId,
    ...(before ? { targetLabel: displayOrderNo(before) } : {}),
    at: now,
  };
  let verifiedNow = false;
  const order = await auditingRefusals(deps.db, audit, () =>
    changeOrder(deps, orderId, null, (current) => {
      verifiedNow = false; // the callback may run again
      // A delivery order is nothing staff may see.
      if (current.fulfillment.type !== 'pickup') return refuse(orderErrors.orderNotFound(orderId));
      if (pickupStoreOf(current) !== storeId) return refuse(staffErrors.wrongStore(rightStoreName || storeNameAtOrdering(current)));
      const decision = handOverDecision(
        deps,
        current,
        now,
        () => staffErrors.stateInvalid(orderId, current.status),
        (tx) => writeAuditInTx(tx, { ...audit, result: 'ok' }),
      );
      verifiedNow = changes(decision);
      return decision;
    }),
  );
  if (!verifiedNow) await writeAudit(deps.db, { ...audit, result: 'duplicate' });
  const member = await loadMember(deps.db, order.openid);
  return { order: pickupSummaryOf(order, member?.nickname ?? null), verifiedNow };
}

const storeNameAtOrdering = (order: Order): string => (order.fulfillment.type === 'pickup' ? order.fulfillment.storeName : '');
