import type { FlashSaleOrderInfo } from '../flashsale/types';
import type { GroupBuyOrderInfo } from '../groupbuy/types';
import type { Fen } from '../money';
import type { OrderCoupon } from '../coupon/types';
import type { MallOrderInfo } from '../mall/types';
import type { OrderAmounts } from '../pricing';
import type { RefundLine, RefundRequest } from './refund-request';
import type { OrderEvent, OrderStatus } from './status';

/** The stored order (`orders` collection). Its `_id` is WeChat Pay's out_trade_no (≤ 32 chars). */

export interface DeliveryAddress {
  name: string;
  phone: string;
  region: string;
  detail: string;
}

export type OrderFulfillment =
  | { type: 'delivery'; address: DeliveryAddress }
  | {
      type: 'pickup';
      storeId: string;
      storeName: string;
      /** The 取货码 (8 digits, see core/pickup/code), given in the order's creating transaction; absent on older orders. */
      pickupCode?: string;
    };

/** A line with the price and names as they were when the order was placed. */
export interface OrderItem {
  skuId: string;
  productId: string;
  productName: string;
  skuName: string;
  image: string | null;
  unitPrice: Fen;
  quantity: number;
  lineTotal: Fen;
}

export interface PaymentRecord {
  transactionId: string;
  /** The provider's trade that took it (WeChat out_trade_no); absent on older records, where it is the order id. */
  outTradeNo?: string;
  amount: Fen;
  /** When the notification was applied. */
  at: number;
  /** WeChat's `timeEnd` (yyyyMMddHHmmss, China time), when given. */
  timeEnd: string | null;
  /**
   * How it was paid (issue 14): 'wallet' from the stored value (services/wallet/pay-order);
   * 'split': `walletFen` from the stored value and the rest by WeChat Pay (services/wallet/hold);
   * absent = WeChat Pay. `amount` is always the whole payment.
   */
  method?: 'wechat' | 'wallet' | 'split';
  /** 'split': the stored value's part of `amount`. */
  walletFen?: Fen;
}

/**
 * The provider's trade opened for this order's payment (WeChat out_trade_no,
 * see services/payment/trade-no). A trade whose payment was refused (wrong
 * amount) is spent: the next `order.pay` opens a new one.
 */
export interface PaymentAttempt {
  outTradeNo: string;
  /** 1 for the first trade (out_trade_no = the order id), then 2, 3… */
  seq: number;
  openedAt: number;
  spentAt: number | null;
}

export type OrderActor = 'customer' | 'system' | 'operator' | 'payment';

export interface OrderHistoryEntry {
  event: OrderEvent | 'create';
  from: OrderStatus | null;
  to: OrderStatus;
  at: number;
  by: OrderActor;
}

export interface OrderDoc {
  openid: string;
  /** The human order number (core/order/order-no), given in the creating transaction; absent on older orders. */
  orderNo?: string;
  status: OrderStatus;
  items: OrderItem[];
  fulfillment: OrderFulfillment;
  amounts: OrderAmounts;
  memberDiscountBps: number;
  requestId: string;
  /** The idempotency key of (caller, requestId); unique in `orders`, a second guard against a duplicate order. */
  requestKey: string;
  remark: string;
  createdAt: number;
  updatedAt: number;
  expiresAt: number;
  /** True once the reserved stock went back to the SKUs: it goes back at most once. */
  stockReleased: boolean;
  paidAt: number | null;
  payment: PaymentRecord | null;
  /** A payment that arrived after the order was cancelled: refunded, never revives the order. */
  latePayment: PaymentRecord | null;
  /** The latest trade opened with the payment provider; absent until `order.pay`. */
  payAttempt?: PaymentAttempt | null;
  shippedAt: number | null;
  trackingNo: string | null;
  /** One of core/order/carriers, given when shipped (absent on older orders). */
  carrier?: string | null;
  completedAt: number | null;
  cancelledAt: number | null;
  cancelReason: 'customer' | 'timeout' | null;
  refundNo: string | null;
  refundRequestedAt: number | null;
  refundedAt: number | null;
  /** The customer's latest refund request and its review (core/order/refund-request). Absent before the first. */
  refundRequest?: RefundRequest | null;
  /** Approved refunds (due or done) so far, partial ones included; absent = 0. */
  refundedFen?: Fen;
  /** Units refunded by approved line refunds. */
  refundedLines?: RefundLine[];
  /** Approved customer refunds so far: names the next out_refund_no. */
  refundSeq?: number;
  history: OrderHistoryEntry[];
  /** Promotions (issue 4): the coupon used; a points-mall redemption. Absent on older orders. */
  coupon?: OrderCoupon | null;
  source?: OrderSource;
  mall?: MallOrderInfo | null;
  /** Flash sales and group-buys (issue 5): the sale and shard the unit came from; the group and its state. */
  flashSale?: FlashSaleOrderInfo | null;
  groupBuy?: GroupBuyOrderInfo | null;
  /** Shopping guides (issue 13): the guide the customer was bound to when the order was placed, their store and rate (a snapshot; commission accrues on payment). */
  guideId?: string | null;
  guideStoreId?: string | null;
  guideCommissionBps?: number | null;
  /** Community group-buy (issue 13): the activity and the leader whose point the order is picked up at, with the leader's rate snapshot. */
  community?: OrderCommunityInfo | null;
  /** Stored value (issue 14): a top-up order (储值): no goods, no stock; its payment credits the wallet (services/wallet/order-hooks). */
  /**
   * A split payment's wallet part, taken from the balance when the customer
   * chose 余额 + 微信 (services/wallet/hold): the WeChat trade is for the rest
   * (core/wallet/split cashDueOf). Given back if the order is cancelled unpaid.
   */
  walletHold?: { fen: Fen; principalFen: Fen; giftFen: Fen; heldAt: number } | null;
  walletTopUp?: { planId: string; payFen: Fen; giftFen: Fen; giftValidDays: number | null; /** Plan gifts snapshotted at creation (absent: none). */ giftPoints?: number; giftCouponTemplateId?: string | null } | null;
  /** Growth (issue 13): the member's share that sold this order (sharer → opener → order), set in its payment's transaction; server side only. */
  share?: { sharer: string; code: string; kind: 'product' | 'groupbuy' | 'flashsale' | 'invite' | 'live'; targetId: string; openedAt: number } | null;
}

/** A community group-buy order's leader and pickup point (set in the creating transaction by services/community/order-terms). */
export interface OrderCommunityInfo {
  activityId: string;
  leaderId: string;
  /** The leader's point as it was when the order was placed. */
  pointName: string;
  pointAddress: string;
  /** Shanghai `YYYY-MM-DD`: the day after the activity's cut-off. */
  pickupDate: string;
  /** The activity's leader commission rate, basis points (the commission hook accrues from it). */
  commissionBps: number;
}

/** Where an order came from: the shop, the points mall, a flash sale, a group-buy. */
export type OrderSource = 'shop' | 'mall' | 'flashsale' | 'groupbuy';

export type Order = OrderDoc & { _id: string };
