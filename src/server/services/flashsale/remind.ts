import type { FlashSaleRemindResult } from '../../../core/contracts/flashsale';
import { flashSaleErrors } from '../../../core/flashsale/errors';
import { saleState } from '../../../core/flashsale/state';
import { FlashSaleCollections, reminderDocId, type FlashSaleReminderDoc } from '../../../core/flashsale/types';
import type { ServiceDeps } from '../order/deps';
import { loadSale } from './records';

/**
 * Records that the member wants to hear when the sale starts, once per
 * member and sale (a repeat answers the same). The notifications issue
 * sends it from `flash_sale_reminders` (status PENDING, `remindAt`).
 */
export async function remindSale(deps: ServiceDeps, openid: string, saleId: string): Promise<FlashSaleRemindResult> {
  const now = deps.now();
  const sale = await loadSale(deps.db, saleId);
  const state = saleState({ ...sale, remaining: sale.quantity }, now);
  if (state !== 'SCHEDULED') throw flashSaleErrors.remindClosed(saleId, state);
  const id = reminderDocId(saleId, openid);
  await deps.db.runTransaction(async (tx) => {
    const ref = tx.collection<FlashSaleReminderDoc>(FlashSaleCollections.reminders).doc(id);
    if ((await ref.get()).data) return;
    await ref.set({ saleId, openid, remindAt: sale.startAt, status: 'PENDING', createdAt: now });
  });
  return { saleId, reminded: true, remindAt: sale.startAt };
}
