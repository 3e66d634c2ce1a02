// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';
import type { OrderAmounts } from '../pricing';
import { ORDER_STATUSES, type OrderStatus } from '../order/status';
import type { OrderFulfillment, OrderItem, OrderSource } from '../order/types';
import type { FlashSaleOrderInfo } from '../flashsale/types';
import type { GroupBuyOrderInfo } from '../groupbuy/types';
import type { OrderCoupon } from '../coupon/types';
import type { MallOrderInfo } from '../mall/types';
import type { PickupStoreView } from '../pickup/store';
import type { CheckoutCouponOption } from './coupon';
import type { PaymentParams } from './payment';
import { Id, MobilePhone, MultiLineText, OrderId, RequestId, SingleLineText as Text } from './fields';
import { CARRIERS } from '../order/carriers';
import { orderOpsContracts, type OrderOpsOutputs } from './order-ops';
import { orderAddressContracts, type OrderAddressOutputs } from './order-address';
import { orderRefundContracts, RefundAskFields, type OrderRefundOutputs, type RefundRequestView } from './order-refund';

/** Contracts of the `order` function. */

export const MAX_ORDER_LINES = 50;

export const DeliveryAddressInput = z.object({
  name: Text(32).min(1),
  phone: MobilePhone,
  region: Text(100).min(1),
  detail: Text(200).min(1),
});

export const FulfillmentInput = z.discriminatedUnion('type', [
  /** The address is checked by the service so a missing one answers ADDRESS_REQUIRED. */
  z.object({ type: z.literal('delivery'), address: DeliveryAddressInput.optional() }),
  z.object({ type: z.literal('pickup'), storeId: Id }),
]);

export const OrderLineInput = z.object({
  skuId: Id,
  /** Range (1–99) is checked by the service: QUANTITY_INVALID. */
  quantity: z.number().int(),
});

export const QuoteInput = z.object({
  items: z.array(OrderLineInput).min(1).max(MAX_ORDER_LINES),
  fulfillment: FulfillmentInput,
  /** Absent: the server applies the best usable coupon; null: no coupon; an id: that coupon (or a COUPON_* refusal). */
  couponId: Id.nullable().optional(),
});

export const CreateOrderInput = QuoteInput.extend({
  /** One per checkout attempt, made by the client: a retry or double tap returns the first order. */
  requestId: RequestId,
  /** `cart`: ordered lines leave the cart; `buyNow`: the cart is untouched. */
  source: z.enum(['cart', 'buyNow']).default('cart'),
  remark: MultiLineText(200).default(''),
  /** Bought from a live room: the order is attributed to it (`liveRoomId`, `sourceTag: 'live:<roomId>'`). */
  liveRoomId: Id.optional(),
});

export const OrderIdInput = z.object({ orderId: OrderId });
/** Full by default; partial by `lines` or `amount` (contracts/order-refund). */
export const RequestRefundInput = OrderIdInput.extend(RefundAskFields);
export const ListOrdersInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  page: z.number().int().min(0).max(1000).default(0),
  pageSize: z.number().int().min(1).max(50).default(10),
});
export const ShipOrderInput = OrderIdInput.extend({ trackingNo: Text(64).default(''), carrier: z.enum(CARRIERS).optional() });
export const TimerInput = z.object({});

/** Actions a client may call: `contracts.order` (`ship` needs the operator role). */
export const orderContracts = {
  quote: { input: QuoteInput },
  create: { input: CreateOrderInput },
  /**
   * `method: 'wallet'` (issue 14) pays at once from the stored value (services/wallet/pay-order);
   * `'split'` holds the whole balance and opens WeChat Pay for the rest (services/wallet/hold);
   * default WeChat Pay (for the rest, when a split payment's wallet part is held already).
   */
  pay: { input: OrderIdInput.extend({ method: z.enum(['wechat', 'wallet', 'split']).default('wechat') }) },
  cancel: { input: OrderIdInput },
  confirm: { input: OrderIdInput },
  requestRefund: { input: RequestRefundInput },
  get: { input: OrderIdInput },
  list: { input: ListOrdersInput },
  ship: { input: ShipOrderInput },
  ...orderOpsContracts,
  ...orderRefundContracts,
  ...orderAddressContracts,
};

/** Actions only timer triggers run (`cloudfunctions/order/config.json`, every minute). */
export const orderTimerContracts = {
  cancelExpired: { input: TimerInput },
  processRefunds: { input: TimerInput },
  sweep: { input: TimerInput },
};

export const OrderErrorCode = {
  OutOfStock: 'OUT_OF_STOCK',
  SkuNotFound: 'SKU_NOT_FOUND',
  ProductOffSale: 'PRODUCT_OFF_SALE',
  OrderNotFound: 'ORDER_NOT_FOUND',
  OrderStateInvalid: 'ORDER_STATE_INVALID',
  OrderExpired: 'ORDER_EXPIRED',
  QuantityInvalid: 'QUANTITY_INVALID',
  StoreNotFound: 'STORE_NOT_FOUND',
  AddressRequired: 'ADDRESS_REQUIRED',
  AmountInvalid: 'AMOUNT_INVALID',
  PaymentUnavailable: 'PAYMENT_UNAVAILABLE',
  PaymentFailed: 'PAYMENT_FAILED',
} as const;

export interface QuoteView {
  items: OrderItem[];
  fulfillment: OrderFulfillment;
  amounts: OrderAmounts;
  memberDiscountBps: number;
  /** The coupon applied (`amounts.couponDiscount` is its discount), or null. */
  coupon?: OrderCoupon | null;
  /** The customer's coupons for this order, best first, usable ones before the rest. */
  couponOptions?: CheckoutCouponOption[];
}

export interface OrderView {
  _id: string;
  /** What customers and staff see and type: `20261201-0042` (core/order/order-no; older orders: their placing time). */
  orderNo: string;
  status: OrderStatus;
  statusLabel: string;
  items: OrderItem[];
  fulfillment: OrderFulfillment;
  amounts: OrderAmounts;
  remark: string;
  createdAt: number;
  /** Unpaid orders are cancelled at this time. */
  expiresAt: number;
  paidAt: number | null;
  shippedAt: number | null;
  trackingNo: string | null;
  completedAt: number | null;
  cancelledAt: number | null;
  cancelReason: 'customer' | 'timeout' | null;
  refundRequestedAt: number | null;
  refundedAt: number | null;
  /** The latest refund request and its timeline; absent when none. */
  refundRequest?: RefundRequestView | null;
  /** Approved refunds so far (partial ones included). */
  refundedFen?: Fen;
  /** The part paid (or, while unpaid, held) from the stored value (issue 14); absent when none. */
  walletFen?: Fen;
  /** A stored-value top-up (储值充值): nothing to deliver or buy again. */
  topUp?: boolean;
  /** A shop order that may be refunded: the units of each line still refundable (the refund sheet's 部分退款). */
  refundableLines?: { skuId: string; quantity: number }[];
  /** The coupon this order used, or null. */
  coupon?: OrderCoupon | null;
  /** 'mall': a points-mall redemption (see `mall`); 'flashsale' / 'groupbuy': see `flashSale` / `groupBuy`. */
  source?: OrderSource;
  mall?: MallOrderInfo | null;
  flashSale?: FlashSaleOrderInfo | null;
  groupBuy?: GroupBuyOrderInfo | null;
  /** `get` of a pickup order: the store's address, hours and phone as they are now (a community order: the leader's point). */
  pickupStore?: PickupStoreView | null;
  /** A community group-buy order (社区团购): the leader's point and the pickup day (`YYYY-MM-DD`). */
  community?: { activityId: string; pointName: string; pointAddress: string; pickupDate: string };
}

export interface PayView {
  orderId: string;
  /** What this payment asks for: the payable, or a split payment's WeChat part. */
  amount: Fen;
  /** A split payment: the part held from the stored value. */
  walletFen?: Fen;
  expiresAt: number;
  payment: PaymentParams;
}

export interface OrderPage {
  items: OrderView[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

export interface TimerReport {
  scanned: number;
  changed: number;
}

export interface OrderOutputs extends OrderOpsOutputs, OrderRefundOutputs, OrderAddressOutputs {
  quote: QuoteView;
  create: OrderView;
  pay: PayView;
  cancel: OrderView;
  confirm: OrderView;
  requestRefund: OrderView;
  get: OrderView;
  list: OrderPage;
  ship: OrderView;
  cancelExpired: TimerReport;
  processRefunds: TimerReport;
  sweep: { cancelExpired: TimerReport; autoApproveRefunds: TimerReport; processRefunds: TimerReport };
}

export type QuoteInput = z.input<typeof QuoteInput>;
export type CreateOrderInput = z.input<typeof CreateOrderInput>;
export type ListOrdersInput = z.input<typeof ListOrdersInput>;
