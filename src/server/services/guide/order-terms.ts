import type { OrderDoc } from '../../../core/order/types';
import type { Transaction } from '../../db';
import type { OrderHooks } from '../order/hooks';
import { GuideCollections, type GuideBindingDoc } from './records';
import { readGuideSettingsInTx } from './settings';
import { isStaffOfInTx } from './staff-of';

export type GuideOrderTerms = Pick<OrderDoc, 'guideId' | 'guideStoreId' | 'guideCommissionBps'>;

/**
 * In the order's creating transaction (services/order/create): the customer's
 * guide, their store and the commission rate as of now (a snapshot: a later
 * rate change or hand-over does not touch a placed order). A customer whose
 * guide left is the store's: the order names the store, no guide, no
 * commission. Not bound: nothing. Reads 1 document, 3 when bound.
 */
export async function guideTermsInTx(tx: Transaction, openid: string): Promise<GuideOrderTerms> {
  const binding = (await tx.collection<GuideBindingDoc>(GuideCollections.bindings).doc(openid).get()).data;
  if (!binding) return {};
  if (!(await isStaffOfInTx(tx, binding.guideId, binding.storeId))) return { guideId: null, guideStoreId: binding.storeId, guideCommissionBps: null };
  const settings = await readGuideSettingsInTx(tx);
  return { guideId: binding.guideId, guideStoreId: binding.storeId, guideCommissionBps: settings.commissionBps };
}

/**
 * A bound customer's payment is a purchase: it restarts the re-binding clock
 * (core/guide/rules), whichever kind of order it was. The commission itself
 * is the ledger's hook (services/commission).
 */
export const guideOrderHooks: OrderHooks = {
  async paid(tx, order, _deps, now) {
    const ref = tx.collection<GuideBindingDoc>(GuideCollections.bindings).doc(order.openid);
    const binding = (await ref.get()).data;
    if (!binding) return;
    const at = order.paidAt ?? now;
    if ((binding.lastPurchaseAt ?? 0) >= at) return;
    await ref.update({ lastPurchaseAt: at, updatedAt: now });
  },
};
