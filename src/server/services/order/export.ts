import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { EXPORT_ROW_LIMIT, type ExportView, type OrderSearchFilters } from '../../../core/contracts/order-ops';
import type { Order } from '../../../core/order/types';
import { newId } from '../../kit/ids';
import type { ActionContext } from '../../kit/types';
import { writeAudit } from '../staff/audit';
import { fileStorageOf } from '../storage/port';
import { toCsv } from './export-csv';
import { toOpsRows } from './ops-rows';
import { findOrders, type SearchCursor } from './search';

dayjs.extend(utc);

/** Orders read a query while exporting (within CloudBase's 1,000 a get). */
const EXPORT_READ_PAGE = 500;

/**
 * The filtered list (order.search's filters) as a CSV in cloud storage: the
 * newest EXPORT_ROW_LIMIT orders at most (`capped` says there were more).
 * Answers the fileID and a URL for it; audited as exportOrders.
 */
export async function exportOrders(ctx: ActionContext, operatorOpenid: string, filters: OrderSearchFilters): Promise<ExportView> {
  const storage = fileStorageOf(ctx.runtime);
  const now = ctx.now();
  const orders: Order[] = [];
  let cursor: SearchCursor | null = null;
  let capped = false;
  for (;;) {
    const room = EXPORT_ROW_LIMIT - orders.length;
    const page = await findOrders(ctx.db, filters, cursor, Math.min(EXPORT_READ_PAGE, room), now);
    orders.push(...page.orders);
    const last = page.orders[page.orders.length - 1];
    if (!page.more || !last) break;
    if (orders.length >= EXPORT_ROW_LIMIT) {
      capped = true;
      break;
    }
    cursor = { createdAt: last.createdAt, id: last._id };
  }
  const csv = toCsv(await toOpsRows(ctx.db, orders));
  const stamp = dayjs(now).utcOffset(8 * 60).format('YYYYMMDD-HHmmss');
  const path = `exports/orders-${stamp}-${newId('x', now).slice(-6)}.csv`;
  const { fileID } = await storage.putFile(path, Buffer.from(csv, 'utf8'), 'text/csv; charset=utf-8');
  const url = await storage.tempUrl(fileID);
  await writeAudit(ctx.db, {
    staffOpenid: operatorOpenid,
    storeId: filters.storeId ?? '',
    action: 'exportOrders',
    target: fileID,
    result: 'ok',
    detail: `${orders.length} 条${capped ? `（已截取最新 ${EXPORT_ROW_LIMIT} 条）` : ''}`,
    at: now,
  });
  return { fileID, url, rows: orders.length, capped, limit: EXPORT_ROW_LIMIT };
}
