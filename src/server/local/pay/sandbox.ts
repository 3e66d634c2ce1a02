import { randomUUID } from 'crypto';
import { join } from 'path';
import type { PaymentCallbackAnswer, SandboxPaymentParams } from '../../../core/contracts/payment';
import type { Db } from '../../db';
import type { FunctionContext } from '../../kit/types';
import { orderErrors } from '../../../core/order/errors';
import type { CloseOutcome, PaymentProvider, PaymentRequest, PaymentStatus, RefundReceipt, RefundRequest, TradeStatus } from '../../services/payment/port';
import { orderIdOfTradeNo } from '../../services/payment/trade-no';
import { sandboxNotification } from './notification';

/**
 * The sandbox's own books (what WeChat Pay would know), in the local
 * database: one payment per trade (`_id` = out_trade_no; an order's first
 * trade is its id), refunds by out_refund_no.
 */
export const SANDBOX_PAYMENTS = 'sandbox_payments';
export const SANDBOX_REFUNDS = 'sandbox_refunds';

export interface SandboxPaymentDoc {
  orderId: string;
  /** Absent on books from before trades: the order id. */
  outTradeNo?: string;
  /** The order's n-th trade here (absent on older books). */
  seq?: number;
  openid: string;
  /** Opened for this much; once PAID, what was received. */
  amount: number;
  /** CLOSED: closed by `closeTrade` (WeChat's closeorder); it can never be paid. */
  status: 'OPEN' | 'PAID' | 'FAILED' | 'CLOSED';
  transactionId: string | null;
  createdAt: number;
  paidAt: number | null;
}

export interface SandboxRefundDoc {
  orderId: string;
  amount: number;
  total: number;
  refundId: string;
  createdAt: number;
}

export type PayCallbackMain = (event: unknown, context: FunctionContext) => Promise<unknown>;

export interface DeliveryReport {
  orderId: string;
  result: 'SUCCESS' | 'FAIL';
  delivered: number;
  acknowledged: number;
  /** Every delivery answered `{errcode: 0}`. */
  allAcknowledged: boolean;
  answers: unknown[];
}

export interface DeliveryOptions {
  /** Deliver all at once instead of one after another (WeChat may overlap retries). */
  concurrent?: boolean;
  /** Report this amount instead of the one the payment was opened with (tests of a tampered amount). */
  totalFee?: number;
}

export interface SandboxPay extends PaymentProvider {
  readonly name: 'sandbox';
  /**
   * What the pay sheet's buttons do: settles the sandbox payment of the
   * order's latest trade (`orderId` may also name a trade) and calls the
   * payCallback function's main `times` times with cloudPay's notification,
   * checking each answer acknowledges (`{errcode: 0}`). A closed trade
   * refuses payment (SandboxPayError), as WeChat does after closeorder.
   */
  deliverPaymentNotification(orderId: string, result: 'SUCCESS' | 'FAIL', times: number, options?: DeliveryOptions): Promise<DeliveryReport>;
}

export interface SandboxPayOptions {
  db: Db;
  now?: () => number;
  /** payCallback's main; by default `cloudfunctions/payCallback`'s, loaded on first delivery. */
  payCallback?: PayCallbackMain;
  /**
   * Refuse to close an open trade younger than this (ms), as WeChat refuses
   * `closeorder` in a trade's first 5 minutes. Default 0: the sandbox closes at once.
   */
  closeNotBeforeMs?: number;
}

export class SandboxPayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxPayError';
  }
}

/** The local payment provider: no money moves; the pay sheet at `/pay/<orderId>` stands in for WeChat's. */
export function createSandboxPay(options: SandboxPayOptions): SandboxPay {
  const { db } = options;
  const now = options.now ?? Date.now;
  const payments = db.collection<SandboxPaymentDoc>(SANDBOX_PAYMENTS);
  const refunds = db.collection<SandboxRefundDoc>(SANDBOX_REFUNDS);
  let callback = options.payCallback;

  const loadPayment = async (outTradeNo: string) => (await payments.doc(outTradeNo).get()).data[0] ?? null;
  const paymentsOfOrder = async (orderId: string) => (await payments.where({ orderId }).limit(100).get()).data;

  /** The order's latest trade, or the trade `id` names. */
  const findPayment = async (id: string) => {
    const ofOrder = await paymentsOfOrder(id);
    if (ofOrder.length > 0) return ofOrder.reduce((latest, p) => ((p.seq ?? 0) > (latest.seq ?? 0) ? p : latest));
    return loadPayment(id);
  };

  return {
    name: 'sandbox',

    async createPayment(order: PaymentRequest): Promise<SandboxPaymentParams> {
      const outTradeNo = order.outTradeNo ?? order.orderId;
      const existing = await loadPayment(outTradeNo);
      if (!existing) {
        const seq = (await paymentsOfOrder(order.orderId)).length + 1;
        await payments.doc(outTradeNo).set({
          orderId: order.orderId,
          outTradeNo,
          seq,
          openid: order.openid,
          amount: order.amount,
          status: 'OPEN',
          transactionId: null,
          createdAt: now(),
          paidAt: null,
        });
      } else if (existing.status === 'CLOSED') {
        // WeChat answers ORDERCLOSED for a closed out_trade_no.
        throw orderErrors.paymentFailed({ errCode: 'ORDERCLOSED' });
      } else if (existing.status !== 'PAID' && existing.amount !== order.amount) {
        await payments.doc(outTradeNo).update({ amount: order.amount });
      }
      return { provider: 'sandbox', orderId: order.orderId, amount: order.amount, sheetUrl: `/pay/${encodeURIComponent(order.orderId)}` };
    },

    async refund(request: RefundRequest): Promise<RefundReceipt> {
      const earlier = (await refunds.doc(request.refundNo).get()).data[0];
      if (earlier) return { refundNo: request.refundNo, providerRefundId: earlier.refundId };
      const outTradeNo = request.outTradeNo ?? request.orderId;
      const payment = await loadPayment(outTradeNo);
      if (!payment || payment.status !== 'PAID') throw new SandboxPayError(`sandbox: trade ${outTradeNo} was not paid`);
      if (request.amount > request.total || request.total !== payment.amount) {
        throw new SandboxPayError(`sandbox: refund ${request.amount}/${request.total} does not match payment ${payment.amount}`);
      }
      const refundId = `sbr${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      // set() on a fixed _id: a concurrent retry of the same refundNo overwrites, never adds a second refund.
      await refunds.doc(request.refundNo).set({ orderId: request.orderId, amount: request.amount, total: request.total, refundId, createdAt: now() });
      return { refundNo: request.refundNo, providerRefundId: refundId };
    },

    async queryPayment(outTradeNo: string): Promise<PaymentStatus> {
      const payment = await loadPayment(outTradeNo);
      return { paid: payment?.status === 'PAID', transactionId: payment?.transactionId ?? null, amount: payment?.amount ?? null };
    },

    async queryTrade(outTradeNo: string): Promise<TradeStatus> {
      const payment = await loadPayment(outTradeNo);
      if (!payment) return { state: 'NOT_FOUND', transactionId: null, amount: null, timeEnd: null };
      if (payment.status !== 'PAID') {
        return { state: payment.status === 'CLOSED' ? 'CLOSED' : 'UNPAID', transactionId: null, amount: payment.amount, timeEnd: null };
      }
      return { state: 'PAID', transactionId: payment.transactionId, amount: payment.amount, timeEnd: payment.paidAt === null ? null : chinaTime(payment.paidAt) };
    },

    async closeTrade(outTradeNo: string): Promise<CloseOutcome> {
      const closeNotBeforeMs = options.closeNotBeforeMs ?? 0;
      if (closeNotBeforeMs > 0) {
        const open = await loadPayment(outTradeNo);
        if (open && (open.status === 'OPEN' || open.status === 'FAILED') && now() - open.createdAt < closeNotBeforeMs) {
          throw new SandboxPayError(`sandbox: trade ${outTradeNo} is too new to close (closeorder is refused in its first ${closeNotBeforeMs} ms)`);
        }
      }
      // A second round only when a payment was opened for it between our two writes.
      for (let round = 0; ; round += 1) {
        const outcome = await closeOnce(outTradeNo);
        if (outcome !== 'RETRY') return outcome;
        if (round > 0) throw new SandboxPayError(`sandbox: trade ${outTradeNo} could not be closed`);
      }
    },

    async deliverPaymentNotification(orderId, result, times, deliveryOptions = {}) {
      if (!Number.isSafeInteger(times) || times < 1 || times > 100) throw new SandboxPayError('times must be 1–100');
      const payment = await findPayment(orderId);
      if (!payment) throw new SandboxPayError(`sandbox: no payment was opened for order ${orderId}`);
      const settled = await settle(payment, result, deliveryOptions.totalFee);
      const event = sandboxNotification({
        orderId: settled.outTradeNo ?? payment._id,
        result,
        totalFee: deliveryOptions.totalFee ?? settled.amount,
        openid: settled.openid,
        transactionId: settled.transactionId ?? '',
        paidAt: settled.paidAt ?? now(),
      });
      callback ??= loadPayCallback();
      const deliver = () => callback!(structuredClone(event), callbackContext());
      const answers = deliveryOptions.concurrent
        ? await Promise.all(Array.from({ length: times }, deliver))
        : await sequentially(times, deliver);
      const acknowledged = answers.filter(isAcknowledged).length;
      return { orderId, result, delivered: times, acknowledged, allAcknowledged: acknowledged === times, answers };
    },
  };

  async function closeOnce(outTradeNo: string): Promise<CloseOutcome | 'RETRY'> {
    const { updated } = await payments.where({ _id: outTradeNo, status: db.command.in(['OPEN', 'FAILED']) }).update({ status: 'CLOSED' });
    if (updated === 1) return 'CLOSED';
    const payment = await loadPayment(outTradeNo);
    if (payment?.status === 'PAID') return 'PAID';
    if (payment?.status === 'CLOSED') return 'CLOSED';
    if (payment) return 'RETRY';
    // Never opened: a closed tombstone, so a payment opened for it later is refused too.
    try {
      await payments.add({
        _id: outTradeNo,
        orderId: orderIdOfTradeNo(outTradeNo),
        outTradeNo,
        openid: '',
        amount: 0,
        status: 'CLOSED',
        transactionId: null,
        createdAt: now(),
        paidAt: null,
      });
      return 'CLOSED';
    } catch {
      return 'RETRY';
    }
  }

  /**
   * SUCCESS pays the sandbox payment once (a repeat keeps its transaction id;
   * `received` is a tampered amount the provider then holds); FAIL changes
   * only an open one. A closed trade refuses both.
   */
  async function settle(payment: SandboxPaymentDoc & { _id: string }, result: 'SUCCESS' | 'FAIL', received?: number): Promise<SandboxPaymentDoc> {
    const _ = db.command;
    if (payment.status === 'PAID') return payment;
    if (payment.status === 'CLOSED') throw closedError(payment._id);
    if (result === 'FAIL') {
      await payments.where({ _id: payment._id, status: 'OPEN' }).update({ status: 'FAILED' });
      return { ...payment, status: 'FAILED' };
    }
    const transactionId = `4200${String(now()).padStart(16, '0')}${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const paidAt = now();
    const amount = received ?? payment.amount;
    const { updated } = await payments
      .where({ _id: payment._id, status: _.in(['OPEN', 'FAILED']) })
      .update({ status: 'PAID', transactionId, paidAt, amount });
    if (updated === 1) return { ...payment, status: 'PAID', transactionId, paidAt, amount };
    const current = (await loadPayment(payment._id)) ?? payment;
    if (current.status === 'CLOSED') throw closedError(payment._id);
    return current;
  }
}

function closedError(outTradeNo: string): SandboxPayError {
  return new SandboxPayError(`sandbox: trade ${outTradeNo} was closed; it can no longer be paid`);
}

function chinaTime(epochMs: number): string {
  return new Date(epochMs + 8 * 3600_000).toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

function isAcknowledged(answer: unknown): answer is PaymentCallbackAnswer {
  return typeof answer === 'object' && answer !== null && (answer as { errcode?: unknown }).errcode === 0;
}

async function sequentially<T>(times: number, run: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < times; i += 1) out.push(await run());
  return out;
}

/** cloudPay invokes the callback as the platform: no WeChat user in the context. */
function callbackContext(): FunctionContext {
  return { request_id: randomUUID(), function_name: 'payCallback', environ: '' };
}

/** The TypeScript entry (as the local cloud loads functions): a bare path would pick a built index.js. */
function loadPayCallback(): PayCallbackMain {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = require(join(__dirname, '../../../../cloudfunctions/payCallback/index.ts')) as { main: PayCallbackMain };
  return loaded.main;
}
