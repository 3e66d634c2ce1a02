import { randomBytes } from 'crypto';
import type { PaymentNotification } from '../../../core/contracts/payment';

export const SANDBOX_APPID = 'wx0000000000local';
export const SANDBOX_MCH_ID = '1900000000';
export const SANDBOX_SUB_MCH_ID = '1900000001';

export interface SandboxNotificationInput {
  orderId: string;
  result: 'SUCCESS' | 'FAIL';
  totalFee: number;
  openid: string;
  transactionId: string;
  paidAt: number;
}

/**
 * The event CloudBase cloudPay hands the callback function after a JSAPI
 * payment: WeChat Pay v2's notification fields in camelCase, amounts in fen.
 */
export function sandboxNotification(input: SandboxNotificationInput): PaymentNotification {
  const base = {
    returnCode: 'SUCCESS',
    appid: SANDBOX_APPID,
    mchId: SANDBOX_MCH_ID,
    subAppid: SANDBOX_APPID,
    subMchId: SANDBOX_SUB_MCH_ID,
    nonceStr: randomBytes(16).toString('hex'),
    openid: input.openid,
    isSubscribe: 'N',
    subOpenid: input.openid,
    subIsSubscribe: 'N',
    tradeType: 'JSAPI',
    bankType: 'OTHERS',
    totalFee: input.totalFee,
    feeType: 'CNY',
    outTradeNo: input.orderId,
    timeEnd: chinaTime(input.paidAt),
  };
  if (input.result === 'SUCCESS') {
    return { ...base, resultCode: 'SUCCESS', cashFee: input.totalFee, transactionId: input.transactionId };
  }
  return { ...base, resultCode: 'FAIL', errCode: 'PAYERROR', errCodeDes: '支付失败' };
}

function chinaTime(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}
