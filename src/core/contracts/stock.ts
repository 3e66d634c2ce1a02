// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { Id, RequestId, SingleLineText } from './fields';

/**
 * Contracts of the stock ledger (库存台账), operator actions of the `catalog`
 * function: an adjustment with a reason, the ledger of one SKU and the
 * low-stock list. Every change of a SKU's stock is one ledger entry, so a
 * SKU's stock always equals the sum of its entries.
 */

/** Why a SKU's stock changed. */
export const STOCK_MOVE_KINDS = [
  'initial',
  'sale',
  'cancel',
  'refund',
  'adjust',
  'edit',
  'flashsale_allocate',
  'flashsale_return',
] as const;
export type StockMoveKind = (typeof STOCK_MOVE_KINDS)[number];

export const STOCK_KIND_LABELS: Record<StockMoveKind, string> = {
  initial: '初始库存',
  sale: '销售',
  cancel: '取消返还',
  refund: '退款返还',
  adjust: '人工调整',
  edit: '编辑商品',
  flashsale_allocate: '秒杀锁定',
  flashsale_return: '秒杀退回',
};

export const MAX_STOCK_ADJUSTMENT = 9_999_999;
export const STOCK_REASON_MAX = 100;
export const DEFAULT_LOW_STOCK_THRESHOLD = 10;
export const MAX_LOW_STOCK_THRESHOLD = 100_000;
export const STOCK_LEDGER_PAGE_SIZE = 20;

export const AdjustStockInput = z.object({
  skuId: Id,
  /** Units added (positive) or taken out (negative); never zero. */
  delta: z
    .number()
    .int('调整数量须为整数')
    .min(-MAX_STOCK_ADJUSTMENT, `一次最多调整 ${MAX_STOCK_ADJUSTMENT} 件`)
    .max(MAX_STOCK_ADJUSTMENT, `一次最多调整 ${MAX_STOCK_ADJUSTMENT} 件`)
    .refine((delta) => delta !== 0, '调整数量不能为 0'),
  reason: SingleLineText(STOCK_REASON_MAX, 1),
  requestId: RequestId,
});

export const StockLedgerInput = z.object({
  skuId: Id,
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(200).optional(),
});

export const LowStockInput = z.object({});

export const stockContracts = {
  adjustStock: { input: AdjustStockInput },
  stockLedger: { input: StockLedgerInput },
  lowStock: { input: LowStockInput },
};

export const StockErrorCode = {
  SkuNotFound: 'SKU_NOT_FOUND',
  StockNegative: 'STOCK_NEGATIVE',
  CursorInvalid: 'CURSOR_INVALID',
} as const;

export interface StockEntryView {
  id: string;
  kind: StockMoveKind;
  label: string;
  delta: number;
  reason: string;
  /** The order the change belongs to (sale, cancel, refund): shown and linked. */
  orderId: string | null;
  /** That order's number, as staff know it. */
  orderNo: string | null;
  at: number;
}

export interface StockSkuView {
  skuId: string;
  productId: string;
  productName: string;
  /** The SKU's spec as shown (红色 / 大杯), or 默认. */
  skuName: string;
  stock: number;
  sold: number;
}

export interface StockLedgerPage {
  sku: StockSkuView;
  entries: StockEntryView[];
  nextCursor: string | null;
}

export interface AdjustStockOutput {
  sku: StockSkuView;
  entry: StockEntryView;
}

export interface LowStockOutput {
  threshold: number;
  items: StockSkuView[];
}

export interface StockOutputs {
  adjustStock: AdjustStockOutput;
  stockLedger: StockLedgerPage;
  lowStock: LowStockOutput;
}

export type AdjustStockCommand = z.output<typeof AdjustStockInput>;
