// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { OrderAmounts } from '../pricing';
import { CARRIERS } from '../order/carriers';
import { ORDER_KINDS, type OrderKind } from '../order/kind';
import { ORDER_STATUSES, type OrderStatus } from '../order/status';
import type { OrderFulfillment, OrderItem } from '../order/types';
import { EpochMs, Id, OrderId, RequestId, SingleLineText as Text } from './fields';
import type { RefundRequestRow } from './order-refund';

/** The operator's order actions of the `order` function (issue 10): search, detail, batch ship, CSV export. */

export const OPS_ORDER_PAGE_MAX = 50;
/** An export holds at most this many orders, newest first; the answer says when there were more. */
export const EXPORT_ROW_LIMIT = 5000;
export const SHIP_BATCH_MAX = 50;

export const OrderSearchFilters = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  kind: z.enum(ORDER_KINDS).optional(),
  /** Created at or after (epoch ms). */
  from: EpochMs.optional(),
  /** Created before (epoch ms). */
  to: EpochMs.optional(),
  /** Pickup orders of this store. */
  storeId: Id.optional(),
  /** An order number, an 8-digit 取货码, or a phone (delivery address or member). */
  q: Text(40).optional(),
});

export const SearchOrdersInput = OrderSearchFilters.extend({
  /** The `nextCursor` of the previous page, as given. */
  cursor: z.string().trim().max(200).optional(),
  pageSize: z.number().int().min(1).max(OPS_ORDER_PAGE_MAX).default(20),
});

export const OpsGetOrderInput = z.object({ orderId: OrderId });

export const ShipLineInput = z.object({
  orderId: OrderId,
  carrier: z.enum(CARRIERS),
  trackingNo: Text(64, 1),
});

export const ShipBatchInput = z.object({
  items: z.array(ShipLineInput).min(1).max(SHIP_BATCH_MAX),
  requestId: RequestId,
});

export const ExportOrdersInput = OrderSearchFilters;

export const orderOpsContracts = {
  search: { input: SearchOrdersInput },
  opsGet: { input: OpsGetOrderInput },
  shipBatch: { input: ShipBatchInput },
  exportCsv: { input: ExportOrdersInput },
};

export interface OpsOrderRow {
  orderId: string;
  /** What staff see and say (20261202-0003); the id only addresses the order. */
  orderNo: string;
  createdAt: number;
  status: OrderStatus;
  statusLabel: string;
  kind: OrderKind;
  kindLabel: string;
  fulfillmentType: 'delivery' | 'pickup';
  storeName: string | null;
  customerName: string;
  /** Masked (138****0000). */
  customerPhone: string | null;
  itemsSummary: string;
  payable: Fen;
  /** A points-mall order: the points it was redeemed for (0 otherwise); `payable` is its cash part. */
  points: number;
  refunded: Fen;
  /** A paid delivery order: the batch ship may take it. */
  canShip: boolean;
}

export interface OpsOrderPage {
  items: OpsOrderRow[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface OpsTimelineEntry {
  event: string;
  label: string;
  at: number;
  by: string;
  note?: string;
}

export interface OpsRefundView {
  refundNo: string;
  amount: Fen;
  status: string;
  reason: string;
  createdAt: number;
  doneAt: number | null;
}

export interface OpsOrderDetail {
  orderId: string;
  orderNo: string;
  status: OrderStatus;
  statusLabel: string;
  kind: OrderKind;
  kindLabel: string;
  createdAt: number;
  remark: string;
  items: OrderItem[];
  amounts: OrderAmounts;
  /** A points-mall order: the points it was redeemed for (0 otherwise). */
  points: number;
  customer: { nickname: string; phone: string | null };
  fulfillment: OrderFulfillment;
  shipping: { carrier: string | null; trackingNo: string | null; shippedAt: number | null };
  /** `method`: 微信支付, 储值余额, or both (issue 14: `walletFen` of `amount` from the stored value). */
  payment: { transactionId: string; amount: Fen; at: number; method: 'wechat' | 'wallet' | 'split'; walletFen: Fen } | null;
  refunds: OpsRefundView[];
  refunded: Fen;
  timeline: OpsTimelineEntry[];
  canShip: boolean;
  /** A refund waits for the operator's decision (the refund review page). */
  refundPending: boolean;
  /** That pending request (null otherwise): 同意 / 拒绝 on the detail page send its `attempt`. */
  refundRequest: RefundRequestRow | null;
}

export type ShipBatchResult =
  | { orderId: string; ok: true; status: OrderStatus }
  | { orderId: string; ok: false; code: string; message: string };

export interface ShipBatchView {
  results: ShipBatchResult[];
  shipped: number;
  failed: number;
}

export interface ExportView {
  fileID: string;
  url: string;
  rows: number;
  /** More orders matched than `limit`: the file holds the newest `limit`. */
  capped: boolean;
  limit: number;
}

export interface OrderOpsOutputs {
  search: OpsOrderPage;
  opsGet: OpsOrderDetail;
  shipBatch: ShipBatchView;
  exportCsv: ExportView;
}

export type SearchOrdersInput = z.input<typeof SearchOrdersInput>;
export type OrderSearchFilters = z.infer<typeof OrderSearchFilters>;
