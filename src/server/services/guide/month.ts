import type { GuideMonthView } from '../../../core/contracts/guide';
import { chinaMonth, monthRangeMs } from '../../../core/points/china-day';
import type { Db } from '../../db';
import type { Caller } from '../../kit/types';
import { listCommissionOrders, readCommissionAccount, readCommissionPeriod } from '../commission';
import { guideErrors } from './errors';
import { GuideCollections, type GuideBindingDoc } from './records';
import { loadGuideSettings } from './settings';

const STATE_LABELS = { ACCRUED: '已计佣', PARTLY_REVERSED: '部分退款', REVERSED: '已退款' } as const;

/**
 * guide.myMonth (staff): the caller's month (Asia/Shanghai) from the
 * commission ledger: orders paid by their customers, the goods' money (GMV),
 * commission accrued less what refunds reversed in the month, the ledger's
 * balance, and the month's orders; customers bound to them now and bound in
 * the month. Reads 2 documents and 3 indexed queries.
 */
export async function myGuideMonth(db: Db, caller: Caller, period: string | undefined, now: number): Promise<GuideMonthView> {
  if (!caller.openid || caller.staffStoreIds.length === 0) throw guideErrors.notStaff();
  const guideId = caller.openid;
  const month = period ?? chinaMonth(now);
  const { start, end } = monthRangeMs(month);
  const _ = db.command;
  const bindings = db.collection<GuideBindingDoc>(GuideCollections.bindings);
  const [totals, account, orders, customers, newCustomers, settings] = await Promise.all([
    readCommissionPeriod(db, 'guide', guideId, month),
    readCommissionAccount(db, 'guide', guideId),
    listCommissionOrders(db, 'guide', guideId, month, 50),
    bindings.where({ guideId, storeId: _.in(caller.staffStoreIds) }).count(),
    bindings.where({ guideId, storeId: _.in(caller.staffStoreIds), boundAt: _.and(_.gte(start), _.lt(end)) }).count(),
    loadGuideSettings(db),
  ]);
  return {
    period: month,
    customers: customers.total,
    newCustomers: newCustomers.total,
    orders: totals.orders,
    gmvFen: totals.baseFen,
    commissionFen: totals.netFen,
    accruedFen: totals.accruedFen,
    reversedFen: totals.reversedFen,
    balanceFen: account.balanceFen,
    rateBps: settings.commissionBps,
    items: orders.map((o) => ({
      orderNo: o.orderNo ?? '—',
      gmvFen: o.baseFen,
      commissionFen: o.accruedFen,
      reversedFen: o.reversedFen,
      state: o.state,
      stateLabel: STATE_LABELS[o.state],
      at: o.createdAt,
    })),
  };
}
