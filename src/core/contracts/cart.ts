// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import { Id, RequestId } from './fields';

/** Contracts of the `cart` function: one server-side cart per customer. */

/** Range (1–99) is a business rule answered as QUANTITY_INVALID, so the schema checks only the type. */
const Quantity = z.number().int();

export const MAX_CART_LINES = 50;
export const MAX_LINE_QUANTITY = 99;

export const CartAddInput = z.object({
  skuId: Id,
  quantity: Quantity.default(1),
  /** A repeated add with the same requestId (a double tap, a retry) adds once. */
  requestId: RequestId.optional(),
});
export const CartUpdateInput = z.object({ skuId: Id, quantity: Quantity });
export const CartRemoveInput = z.object({ skuIds: z.array(Id).min(1).max(MAX_CART_LINES) });
export const CartListInput = z.object({});

/** Actions a client may call: `contracts.cart`. */
export const cartContracts = {
  add: { input: CartAddInput },
  update: { input: CartUpdateInput },
  remove: { input: CartRemoveInput },
  list: { input: CartListInput },
};

export const CartErrorCode = {
  CartLimit: 'CART_LIMIT',
  QuantityInvalid: 'QUANTITY_INVALID',
  CartItemNotFound: 'CART_ITEM_NOT_FOUND',
  SkuNotFound: 'SKU_NOT_FOUND',
  ProductOffSale: 'PRODUCT_OFF_SALE',
  OutOfStock: 'OUT_OF_STOCK',
} as const;

/** Why a line cannot be ordered now. */
export type CartLineProblem = 'SKU_NOT_FOUND' | 'PRODUCT_OFF_SALE' | 'OUT_OF_STOCK' | 'INSUFFICIENT_STOCK';

export interface CartLineView {
  skuId: string;
  productId: string | null;
  productName: string;
  skuName: string;
  image: string | null;
  /** Current price from `skus`, not the price when added. */
  price: Fen;
  quantity: number;
  stock: number;
  lineTotal: Fen;
  available: boolean;
  problem: CartLineProblem | null;
  addedAt: number;
}

export interface CartView {
  lines: CartLineView[];
  /** Quantity over available lines. */
  availableCount: number;
  /** Sum over available lines, before shipping and discounts. */
  availableTotal: Fen;
  updatedAt: number | null;
}

export interface CartOutputs {
  add: CartView;
  update: CartView;
  remove: CartView;
  list: CartView;
}

export type CartAddInput = z.input<typeof CartAddInput>;
export type CartUpdateInput = z.input<typeof CartUpdateInput>;
export type CartRemoveInput = z.input<typeof CartRemoveInput>;
