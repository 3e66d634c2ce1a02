import type { FlashSaleView } from '../../../core/contracts/flashsale';
import {
  FlashSaleCollections,
  memberDocId,
  reminderDocId,
  type FlashSale,
  type FlashSaleMemberDoc,
  type FlashSaleReminderDoc,
} from '../../../core/flashsale/types';
import { saleTotals, toFlashSaleView } from '../../../core/flashsale/view';
import { loadByIds } from '../catalog/records';
import type { ServiceDeps } from '../order/deps';
import { loadShards } from './records';

/** Views of the sales as the caller sees them (their count and reminder), with totals from the shards. */
export async function saleViews(deps: ServiceDeps, sales: readonly FlashSale[], openid: string | null): Promise<FlashSaleView[]> {
  if (sales.length === 0) return [];
  const ids = sales.map((s) => s._id);
  const [shards, members, reminders] = await Promise.all([
    loadShards(deps.db, ids),
    openid ? loadByIds<FlashSaleMemberDoc>(deps.db, FlashSaleCollections.members, ids.map((id) => memberDocId(id, openid))) : new Map(),
    openid ? loadByIds<FlashSaleReminderDoc>(deps.db, FlashSaleCollections.reminders, ids.map((id) => reminderDocId(id, openid))) : new Map(),
  ]);
  const now = deps.now();
  return sales.map((sale) => {
    const member = openid ? members.get(memberDocId(sale._id, openid)) : undefined;
    const reminder = openid ? reminders.get(reminderDocId(sale._id, openid)) : undefined;
    const caller = { myCount: member?.count ?? 0, reminded: reminder !== undefined && reminder.status !== 'CANCELLED' };
    return toFlashSaleView(sale, saleTotals(shards.get(sale._id) ?? []), caller, now);
  });
}

export async function saleView(deps: ServiceDeps, sale: FlashSale, openid: string | null): Promise<FlashSaleView> {
  const [view] = await saleViews(deps, [sale], openid);
  return view!;
}
