import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { OpsOrderRow } from '../../../core/contracts/order-ops';
import { formatFen } from '../../../core/money';

dayjs.extend(utc);

/**
 * The order export as CSV (RFC 4180): UTF-8 with a BOM so Excel reads the
 * Chinese, CRLF line ends, amounts in yuan with 2 decimals, times in
 * Asia/Shanghai (UTC+8 all year, so a fixed offset is exact).
 */
export const CSV_BOM = '\uFEFF';
const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export const EXPORT_HEADER = ['订单号', '下单时间', '状态', '类型', '门店', '顾客', '手机号', '商品', '应付(元)', '已退款(元)', '兑换积分'];

export const shanghaiTime = (ms: number): string => dayjs(ms).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD HH:mm:ss');

export function exportRow(row: OpsOrderRow): string[] {
  return [
    row.orderNo,
    shanghaiTime(row.createdAt),
    row.statusLabel,
    row.kindLabel,
    row.storeName ?? (row.fulfillmentType === 'delivery' ? '快递配送' : ''),
    row.customerName,
    row.customerPhone ?? '',
    row.itemsSummary,
    formatFen(row.payable),
    formatFen(row.refunded),
    String(row.points),
  ];
}

/**
 * One cell: a text a spreadsheet would run as a formula (= + - @, and tab or
 * CR which some read the same) gets a leading `'` (OWASP's CSV injection
 * advice); then quotes when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Amounts and points are ours (never formulas), so they are written as they are: a refund of 0.00 must stay a number. */
const AMOUNT_COLUMNS = new Set([8, 9, 10]);

export function toCsv(rows: OpsOrderRow[]): string {
  const lines = [EXPORT_HEADER.map(csvCell).join(',')];
  for (const row of rows) lines.push(exportRow(row).map((cell, index) => (AMOUNT_COLUMNS.has(index) ? cell : csvCell(cell))).join(','));
  return `${CSV_BOM}${lines.join('\r\n')}\r\n`;
}
