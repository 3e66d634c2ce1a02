// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import type { Fen } from '../money';

/**
 * What `order.pay` answers for the client to open the payment sheet.
 * weapp: `Taro.requestPayment(params.payment)`; h5/local: open `sheetUrl`.
 */
export type PaymentParams = SandboxPaymentParams | WxPaymentParams | WalletPaymentParams;

/** `order.pay {method: 'wallet'}` (issue 14): already paid from the stored value; nothing to open. */
export interface WalletPaymentParams {
  provider: 'wallet';
  orderId: string;
  amount: Fen;
  /** What the payment took from each bucket. */
  principalFen: Fen;
  giftFen: Fen;
}

export interface SandboxPaymentParams {
  provider: 'sandbox';
  orderId: string;
  amount: Fen;
  /** The local cloud's pay sheet: `/pay/<orderId>`. */
  sheetUrl: string;
}

export interface WxPaymentParams {
  provider: 'wxpay';
  orderId: string;
  amount: Fen;
  /** Exactly the object `wx.requestPayment` takes. */
  payment: {
    appId?: string;
    timeStamp: string;
    nonceStr: string;
    package: string;
    signType: string;
    paySign: string;
  };
}

/**
 * The event CloudBase cloudPay delivers to the callback function named in
 * `unifiedOrder` (WeChat Pay v2 notification fields in camelCase). Only the
 * fields we act on are checked; the rest pass through.
 */
export const PaymentNotification = z.looseObject({
  returnCode: z.string(),
  returnMsg: z.string().optional(),
  resultCode: z.string().optional(),
  errCode: z.string().optional(),
  errCodeDes: z.string().optional(),
  appid: z.string().optional(),
  mchId: z.string().optional(),
  subAppid: z.string().optional(),
  subMchId: z.string().optional(),
  nonceStr: z.string().optional(),
  openid: z.string().optional(),
  subOpenid: z.string().optional(),
  tradeType: z.string().optional(),
  bankType: z.string().optional(),
  totalFee: z.number().int().optional(),
  cashFee: z.number().int().optional(),
  feeType: z.string().optional(),
  transactionId: z.string().optional(),
  outTradeNo: z.string().min(1).max(32),
  timeEnd: z.string().optional(),
});
export type PaymentNotification = z.infer<typeof PaymentNotification>;

/** The answer cloudPay expects; anything but errcode 0 makes WeChat deliver again. */
export interface PaymentCallbackAnswer {
  errcode: number;
  errmsg: string;
}

export const PaymentErrorCode = {
  PaymentUnavailable: 'PAYMENT_UNAVAILABLE',
  PaymentFailed: 'PAYMENT_FAILED',
} as const;
