// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import { FulfillmentInput } from './order';
import { EpochMs, Id, RequestId, SingleLineText } from './fields';

/**
 * Contracts of the `flashsale` function (秒杀).
 * Times are epoch ms (server clock: every answer carries `serverNow`, the
 * client keeps the offset for countdowns); money is integer fen.
 * Ranges (times in order, price below the SKU price, quantity within the
 * SKU's stock, limits, shards 1–32) are checked by the service and refused
 * with SALE_INVALID (`details.issues`); zod checks types, plausible times
 * and clean text here (fields.ts).
 */

const Int = z.number().int();

export const FLASH_SALE_STATES = ['SCHEDULED', 'LIVE', 'SOLD_OUT', 'ENDED'] as const;
export type FlashSaleState = (typeof FLASH_SALE_STATES)[number];

export const DEFAULT_FLASH_SALE_SHARDS = 4;
export const MAX_FLASH_SALE_SHARDS = 32;
/** Minutes a flash-sale order waits for payment before the order sweep cancels it. */
export const DEFAULT_FLASH_SALE_PAYMENT_MINUTES = 5;

/** `create` (operator). */
export const CreateFlashSaleInput = z.object({
  skuId: Id,
  /** Fen; > 0 and below the SKU's price. */
  salePrice: Int,
  /** Units on sale, taken from the SKU's stock when the sale is created (unsold units go back when it ends). */
  quantity: Int,
  startAt: EpochMs,
  endAt: EpochMs,
  /** Units one member may hold (unpaid + paid; a cancelled order gives its unit back). ≥ 1. */
  perMemberLimit: Int,
  /** Stock shard documents (1–32): more shards, fewer write collisions under load. */
  shards: Int.default(DEFAULT_FLASH_SALE_SHARDS),
  /** Shown instead of the product name when given. */
  title: SingleLineText(60).optional(),
  /** Payment window of the sale's orders, 1–30 minutes (default 5). */
  paymentMinutes: Int.optional(),
});

export const FlashSaleIdInput = z.object({ saleId: Id });

/** `update` (operator): only while SCHEDULED; any subset of the creation fields except the SKU. */
export const UpdateFlashSaleInput = z.object({
  saleId: Id,
  salePrice: Int.optional(),
  quantity: Int.optional(),
  startAt: EpochMs.optional(),
  endAt: EpochMs.optional(),
  perMemberLimit: Int.optional(),
  shards: Int.optional(),
  title: SingleLineText(60).optional(),
  paymentMinutes: Int.optional(),
});

/** `list`: customers see SCHEDULED, LIVE and recently SOLD_OUT sales; operators see every sale, ENDED included. */
export const ListFlashSalesInput = z.object({ state: z.enum(FLASH_SALE_STATES).optional() });

export const FlashSaleBuyInput = z.object({
  saleId: Id,
  /** One per buy intent, made by the client: a retry or double tap answers the first order. */
  requestId: RequestId,
  /**
   * Where the unit goes (ADDRESS_REQUIRED / STORE_NOT_FOUND as at checkout).
   * Optional in the schema so that its absence answers PICKUP_STORE_REQUIRED.
   */
  fulfillment: FulfillmentInput.optional(),
  /** Units in one order (1 when absent), from one shard; within what the per-member limit leaves (LIMIT_EXCEEDED). */
  quantity: z.number().int().min(1).max(99).optional(),
});

/** Actions a client may call: `contracts.flashsale` (create/update/stop/launchNow/stats need the operator role). */
export const flashSaleContracts = {
  create: { input: CreateFlashSaleInput },
  update: { input: UpdateFlashSaleInput },
  stop: { input: FlashSaleIdInput },
  launchNow: { input: FlashSaleIdInput },
  list: { input: ListFlashSalesInput },
  get: { input: FlashSaleIdInput },
  remind: { input: FlashSaleIdInput },
  buy: { input: FlashSaleBuyInput },
  stats: { input: FlashSaleIdInput },
};

/** Actions only the timer trigger runs (`cloudfunctions/flashsale/config.json`, every minute). */
export const flashSaleTimerContracts = {
  settle: { input: z.object({}) },
};

export const FlashSaleErrorCode = {
  SaleNotFound: 'SALE_NOT_FOUND',
  NotStarted: 'NOT_STARTED',
  Ended: 'ENDED',
  SoldOut: 'SOLD_OUT',
  LimitExceeded: 'LIMIT_EXCEEDED',
  /** buy: fewer units are left (in any one shard) than the quantity asked for; `details.left`. */
  NotEnoughLeft: 'NOT_ENOUGH_LEFT',
  /** create/update: a rule broken; `details.issues: FlashSaleIssue[]`. */
  Invalid: 'SALE_INVALID',
  /** update/launchNow on a sale that is no longer SCHEDULED. */
  NotEditable: 'SALE_NOT_EDITABLE',
  /** remind on a sale that already started or ended. */
  RemindClosed: 'REMIND_CLOSED',
  /** create: the SKU does not exist (or its product is gone). */
  SkuNotFound: 'SKU_NOT_FOUND',
  /** buy: the database kept conflicting (CloudBase under extreme load); try again. */
  Busy: 'SALE_BUSY',
} as const;

export type FlashSaleField = 'skuId' | 'salePrice' | 'quantity' | 'startAt' | 'endAt' | 'perMemberLimit' | 'shards' | 'paymentMinutes';

/** One broken rule of SALE_INVALID. */
export interface FlashSaleIssue {
  field: FlashSaleField;
  message: string;
}

export interface FlashSaleView {
  saleId: string;
  /** The sale's title, or the product name. */
  title: string;
  skuId: string;
  productId: string;
  productName: string;
  skuName: string;
  image: string | null;
  /** The SKU's price (list price) when the sale was created or last edited. */
  listPrice: Fen;
  salePrice: Fen;
  quantity: number;
  /** Units held by orders (unpaid and paid); `sold + remaining === quantity`. */
  sold: number;
  remaining: number;
  /** Units paid for. */
  paid: number;
  state: FlashSaleState;
  startAt: number;
  endAt: number;
  /** When an operator stopped it early (state ENDED), else null. */
  stoppedAt: number | null;
  perMemberLimit: number;
  shards: number;
  paymentMinutes: number;
  /** Units the caller holds in this sale (their orders not cancelled). */
  myCount: number;
  /** The caller asked to be reminded of the start. */
  reminded: boolean;
  serverNow: number;
}

export interface FlashSaleList {
  sales: FlashSaleView[];
  serverNow: number;
}

export interface FlashSaleBuyResult {
  orderId: string;
  /** Pay with `order.pay` before this, else the order is cancelled and the unit goes back. */
  expiresAt: number;
}

export interface FlashSaleRemindResult {
  saleId: string;
  reminded: true;
  /** When the reminder is due (the sale's start). */
  remindAt: number;
}

export interface FlashSaleShardStats {
  shard: number;
  remaining: number;
  sold: number;
  paid: number;
}

/** `stats` (operator): the live view of one sale. */
export interface FlashSaleStats {
  saleId: string;
  state: FlashSaleState;
  quantity: number;
  sold: number;
  paid: number;
  /** Units still on sale: 0 once the sale is stopped or settled (they are `returned`); `sold + remaining + returned === quantity`. */
  remaining: number;
  /** Orders waiting for payment (`sold - paid`). */
  pendingOrders: number;
  /** Unsold units given back to the SKU after the sale ended. */
  returned: number;
  /** Members who asked to be reminded. */
  reminders: number;
  /** 成交额: fen of the paid units not refunded (each at the sale price). */
  paidFen: Fen;
  /** Members with a paid, not refunded unit. */
  paidBuyers: number;
  /** Internal (how units spread over the stock documents); never shown to operators. */
  shards: FlashSaleShardStats[];
  serverNow: number;
}

export interface FlashSaleOutputs {
  create: FlashSaleView;
  update: FlashSaleView;
  stop: FlashSaleView;
  launchNow: FlashSaleView;
  list: FlashSaleList;
  get: FlashSaleView;
  remind: FlashSaleRemindResult;
  buy: FlashSaleBuyResult;
  stats: FlashSaleStats;
}

export type CreateFlashSaleInput = z.input<typeof CreateFlashSaleInput>;
export type UpdateFlashSaleInput = z.input<typeof UpdateFlashSaleInput>;
export type ListFlashSalesInput = z.input<typeof ListFlashSalesInput>;
export type FlashSaleBuyInput = z.input<typeof FlashSaleBuyInput>;
