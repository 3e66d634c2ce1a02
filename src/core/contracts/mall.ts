// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { CouponRule } from '../coupon/types';
import type { MallItemKind } from '../mall/types';
import type { Fen } from '../money';
import { FulfillmentInput, type OrderView } from './order';
import { Id, MultiLineText, RequestId } from './fields';

/** Contracts of the `mall` function: the points mall (积分商城). */

export const ListMallItemsInput = z.object({
  kind: z.enum(['goods', 'coupon']).optional(),
  page: z.number().int().min(0).max(1000).default(0),
  pageSize: z.number().int().min(1).max(50).default(20),
});
export const MallItemIdInput = z.object({ itemId: Id });
export const RedeemInput = z.object({
  itemId: Id,
  /** One per redemption intent, made by the client: a retry or double tap redeems once. */
  requestId: RequestId,
  /** Goods only: where they go (ADDRESS_REQUIRED / STORE_NOT_FOUND as at checkout). Ignored for coupons. */
  fulfillment: FulfillmentInput.optional(),
  remark: MultiLineText(200).default(''),
});

/** Actions a client may call: `contracts.mall`. */
export const mallContracts = {
  list: { input: ListMallItemsInput },
  get: { input: MallItemIdInput },
  redeem: { input: RedeemInput },
};

export const MallErrorCode = {
  ItemNotFound: 'MALL_ITEM_NOT_FOUND',
  OffSale: 'MALL_ITEM_OFF_SALE',
  SoldOut: 'MALL_SOLD_OUT',
  LimitReached: 'MALL_LIMIT_REACHED',
  InsufficientPoints: 'INSUFFICIENT_POINTS',
  FulfillmentRequired: 'ADDRESS_REQUIRED',
} as const;

export interface MallItemView {
  itemId: string;
  title: string;
  subtitle: string;
  image: string | null;
  kind: MallItemKind;
  pointsPrice: number;
  /** 0: points only. */
  cashPrice: Fen;
  stock: number;
  soldOut: boolean;
  /** 0: no limit. */
  perMemberLimit: number;
  /** Coupon items: the coupon's face ("满99减10"); null for goods. */
  couponLabel: string | null;
}

export interface MallPage {
  items: MallItemView[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface MallItemDetailView extends MallItemView {
  description: string;
  /** Coupon items: the rule of the coupon issued. */
  couponRule: CouponRule | null;
  /** How many of this item the caller holds (cancelled redemptions not counted). */
  redeemedByMe: number;
  limitReached: boolean;
  /** Goods need a delivery address or a pickup store. */
  needsFulfillment: boolean;
}

export interface RedeemView {
  /** The order, in `order.list`: PAID (points only), COMPLETED (points-only coupons) or PENDING_PAYMENT (pay `payable` with `order.pay`). */
  order: OrderView;
  pointsSpent: number;
  /** Pay with `order.pay` before `order.expiresAt`, else points and stock come back. */
  needsPayment: boolean;
  /** The coupon issued (coupon items, once the order is paid or points-only). */
  couponId: string | null;
}

export interface MallOutputs {
  list: MallPage;
  get: MallItemDetailView;
  redeem: RedeemView;
}

export type ListMallItemsInput = z.input<typeof ListMallItemsInput>;
export type RedeemInput = z.input<typeof RedeemInput>;
