import { randomBytes } from 'crypto';
import type { WxPaymentParams } from '../../../core/contracts/payment';
import { orderErrors } from '../../../core/order/errors';
import type { CloseOutcome, PaymentProvider, PaymentRequest, PaymentStatus, RefundReceipt, RefundRequest, TradeState, TradeStatus } from './port';
import { camelizeWxPayFields } from './wire';

/**
 * WeChat Pay through CloudBase: `app.callWxPayApi` of @cloudbase/node-sdk
 * (action `wx.wxPayApi`), the same channel wx-server-sdk's `cloudPay.*` uses.
 * The request is `{ apiName: 'cloudPay.<api>', requestData: Buffer(JSON {api, data}) }`
 * (the shape the SDK's own test sends); amounts are fen, out_trade_no is the order id.
 * The payment result arrives at the `payCallback` function named in the request.
 */

/** The part of the CloudBase app this provider uses (`tcb.init(...)` satisfies it). */
export interface WxPayApiClient {
  callWxPayApi(options: { apiName: string; requestData: unknown }, opts?: unknown): Promise<unknown>;
}

export interface WxPayConfig {
  /** 子商户号 of the merchant bound to the CloudBase environment. */
  subMchId: string;
  /** The environment of the callback function. */
  envId: string;
  /** Receives the payment notification; default `payCallback`. */
  callbackFunction?: string;
  /** WeChat requires a client IP for JSAPI; CloudBase examples pass 127.0.0.1. */
  spbillCreateIp?: string;
}

export interface WxPayDeps {
  nonce?: () => string;
}

export type CloudPayApi = 'unifiedOrder' | 'refund' | 'queryOrder' | 'closeOrder';

export interface CloudPayCall {
  apiName: string;
  requestData: Buffer;
}

/** The exact `callWxPayApi` argument for one cloudPay API. */
export function cloudPayCall(api: CloudPayApi, data: Record<string, unknown>): CloudPayCall {
  return { apiName: `cloudPay.${api}`, requestData: Buffer.from(JSON.stringify({ api, data })) };
}

export function unifiedOrderData(config: WxPayConfig, order: PaymentRequest, nonceStr: string): Record<string, unknown> {
  return {
    body: order.description.slice(0, 128),
    outTradeNo: order.outTradeNo ?? order.orderId,
    totalFee: order.amount,
    spbillCreateIp: config.spbillCreateIp ?? '127.0.0.1',
    subMchId: config.subMchId,
    envId: config.envId,
    functionName: config.callbackFunction ?? 'payCallback',
    nonceStr,
    tradeType: 'JSAPI',
    timeExpire: chinaTime(order.expiresAt),
  };
}

export function refundData(config: WxPayConfig, request: RefundRequest, nonceStr: string): Record<string, unknown> {
  return {
    outTradeNo: request.outTradeNo ?? request.orderId,
    outRefundNo: request.refundNo,
    totalFee: request.total,
    refundFee: request.amount,
    subMchId: config.subMchId,
    envId: config.envId,
    functionName: config.callbackFunction ?? 'payCallback',
    nonceStr,
  };
}

export function createWxPayProvider(client: WxPayApiClient, config: WxPayConfig, deps: WxPayDeps = {}): PaymentProvider {
  const nonce = deps.nonce ?? (() => randomBytes(16).toString('hex'));
  const call = async (api: CloudPayApi, data: Record<string, unknown>) => {
    const { apiName, requestData } = cloudPayCall(api, data);
    return decodeResponse(await client.callWxPayApi({ apiName, requestData }));
  };
  return {
    name: 'wxpay',
    async createPayment(order): Promise<WxPaymentParams> {
      const result = await call('unifiedOrder', unifiedOrderData(config, order, nonce()));
      const payment = camelizeWxPayFields(result.payment);
      if (!succeeded(result) || !payment || typeof payment.paySign !== 'string') {
        throw orderErrors.paymentFailed({ errCode: result.errCode ?? result.returnMsg ?? null });
      }
      return {
        provider: 'wxpay',
        orderId: order.orderId,
        amount: order.amount,
        payment: {
          ...(typeof payment.appId === 'string' ? { appId: payment.appId } : {}),
          timeStamp: String(payment.timeStamp),
          nonceStr: String(payment.nonceStr),
          package: String(payment.package),
          signType: String(payment.signType ?? 'MD5'),
          paySign: payment.paySign,
        },
      };
    },
    async refund(request): Promise<RefundReceipt> {
      const result = await call('refund', refundData(config, request, nonce()));
      if (!succeeded(result)) throw new Error(`cloudPay.refund ${request.refundNo} failed: ${describe(result)}`);
      return { refundNo: request.refundNo, providerRefundId: typeof result.refundId === 'string' ? result.refundId : null };
    },
    async queryPayment(orderId): Promise<PaymentStatus> {
      const result = await call('queryOrder', { outTradeNo: orderId, subMchId: config.subMchId, nonceStr: nonce() });
      if (result.returnCode !== 'SUCCESS') throw new Error(`cloudPay.queryOrder ${orderId} failed: ${describe(result)}`);
      const paid = result.resultCode === 'SUCCESS' && result.tradeState === 'SUCCESS';
      return {
        paid,
        transactionId: typeof result.transactionId === 'string' ? result.transactionId : null,
        amount: typeof result.totalFee === 'number' ? result.totalFee : null,
      };
    },
    async queryTrade(outTradeNo): Promise<TradeStatus> {
      const result = await call('queryOrder', { outTradeNo, subMchId: config.subMchId, nonceStr: nonce() });
      if (result.returnCode !== 'SUCCESS') throw new Error(`cloudPay.queryOrder ${outTradeNo} failed: ${describe(result)}`);
      if (result.resultCode !== 'SUCCESS') {
        if (result.errCode === 'ORDERNOTEXIST') return { state: 'NOT_FOUND', transactionId: null, amount: null, timeEnd: null };
        throw new Error(`cloudPay.queryOrder ${outTradeNo} failed: ${describe(result)}`);
      }
      return {
        state: tradeStateOf(result.tradeState),
        transactionId: typeof result.transactionId === 'string' ? result.transactionId : null,
        amount: typeof result.totalFee === 'number' ? result.totalFee : null,
        timeEnd: typeof result.timeEnd === 'string' ? result.timeEnd : null,
      };
    },
    async closeTrade(outTradeNo): Promise<CloseOutcome> {
      const result = await call('closeOrder', { outTradeNo, subMchId: config.subMchId, nonceStr: nonce() });
      if (succeeded(result)) return 'CLOSED';
      if (result.returnCode === 'SUCCESS' && result.errCode === 'ORDERPAID') return 'PAID';
      // Closed before (a re-run of the sweep) or never opened: either way it can never be paid.
      if (result.returnCode === 'SUCCESS' && (result.errCode === 'ORDERCLOSED' || result.errCode === 'ORDERNOTEXIST')) return 'CLOSED';
      throw new Error(`cloudPay.closeOrder ${outTradeNo} failed: ${describe(result)}`);
    },
  };
}

/** WeChat Pay v2 `trade_state` as the port's TradeState; an unknown one is treated as still in progress. */
const TRADE_STATES: Record<string, TradeState> = {
  SUCCESS: 'PAID',
  REFUND: 'REFUNDED',
  NOTPAY: 'UNPAID',
  PAYERROR: 'UNPAID',
  CLOSED: 'CLOSED',
  REVOKED: 'CLOSED',
  USERPAYING: 'PAYING',
};

function tradeStateOf(value: unknown): TradeState {
  return (typeof value === 'string' && TRADE_STATES[value]) || 'PAYING';
}

/** The provider configured from the environment, or null when WeChat Pay is not set up. */
export function wxPayConfigFromEnv(env: NodeJS.ProcessEnv = process.env): WxPayConfig | null {
  const subMchId = env.SIYU_WXPAY_SUB_MCH_ID;
  const envId = env.SIYU_WXPAY_ENV_ID ?? env.TCB_ENV ?? env.SCF_NAMESPACE;
  if (!subMchId || !envId) return null;
  return { subMchId, envId, callbackFunction: env.SIYU_WXPAY_CALLBACK_FUNCTION ?? 'payCallback' };
}

function succeeded(result: Record<string, unknown>): boolean {
  return result.returnCode === 'SUCCESS' && result.resultCode === 'SUCCESS';
}

/** The SDK answers a Buffer of JSON (or an object on a gateway error); the payload may sit under `result`. */
function decodeResponse(raw: unknown): Record<string, unknown> {
  let value: unknown = raw;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) value = JSON.parse(Buffer.from(value).toString('utf8'));
  if (typeof value === 'string') value = JSON.parse(value);
  const object = camelizeWxPayFields(value);
  if (!object) throw new Error('cloudPay answered no object');
  if (typeof object.code === 'string' && object.code !== '') throw new Error(`cloudPay gateway error ${object.code}: ${String(object.message ?? '')}`);
  const nested = camelizeWxPayFields(object.result);
  return nested && 'returnCode' in nested ? nested : object;
}

function describe(result: Record<string, unknown>): string {
  return [result.returnCode, result.returnMsg, result.resultCode, result.errCode, result.errCodeDes].filter(Boolean).join(' ');
}

/** yyyyMMddHHmmss in China time (UTC+8), as WeChat Pay's time fields are. */
export function chinaTime(epochMs: number): string {
  const d = new Date(epochMs + 8 * 60 * 60 * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}
