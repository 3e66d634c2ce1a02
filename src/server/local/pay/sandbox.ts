import { randomUUID } from 'crypto';
import { join } from 'path';
import type { PaymentCallbackAnswer, SandboxPaymentParams } from '../../../core/contracts/payment';
import type { Db } from '../../db';
import type { FunctionContext } from '../../kit/types';
import type { PaymentProvider, PaymentRequest, PaymentStatus, RefundReceipt, RefundRequest } from '../../services/payment/port';
import { sandboxNotification } from './notification';

/** The sandbox's own books (what WeChat Pay would know), in the local database. */
export const SANDBOX_PAYMENTS = 'sandbox_payments';
export const SANDBOX_REFUNDS = 'sandbox_refunds';

export interface SandboxPaymentDoc {
  orderId: string;
  openid: string;
  amount: number;
  status: 'OPEN' | 'PAID' | 'FAILED';
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
   * What the pay sheet's buttons do: settles the sandbox payment and calls the
   * payCallback function's main `times` times with cloudPay's notification,
   * checking each answer acknowledges (`{errcode: 0}`).
   */
  deliverPaymentNotification(orderId: string, result: 'SUCCESS' | 'FAIL', times: number, options?: DeliveryOptions): Promise<DeliveryReport>;
}

export interface SandboxPayOptions {
  db: Db;
  now?: () => number;
  /** payCallback's main; by default `cloudfunctions/payCallback`'s, loaded on first delivery. */
  payCallback?: PayCallbackMain;
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

  const loadPayment = async (orderId: string) => (await payments.doc(orderId).get()).data[0] ?? null;

  return {
    name: 'sandbox',

    async createPayment(order: PaymentRequest): Promise<SandboxPaymentParams> {
      const existing = await loadPayment(order.orderId);
      if (!existing) {
        await payments.doc(order.orderId).set({
          orderId: order.orderId,
          openid: order.openid,
          amount: order.amount,
          status: 'OPEN',
          transactionId: null,
          createdAt: now(),
          paidAt: null,
        });
      } else if (existing.status !== 'PAID' && existing.amount !== order.amount) {
        await payments.doc(order.orderId).update({ amount: order.amount });
      }
      return { provider: 'sandbox', orderId: order.orderId, amount: order.amount, sheetUrl: `/pay/${encodeURIComponent(order.orderId)}` };
    },

    async refund(request: RefundRequest): Promise<RefundReceipt> {
      const earlier = (await refunds.doc(request.refundNo).get()).data[0];
      if (earlier) return { refundNo: request.refundNo, providerRefundId: earlier.refundId };
      const payment = await loadPayment(request.orderId);
      if (!payment || payment.status !== 'PAID') throw new SandboxPayError(`sandbox: order ${request.orderId} was not paid`);
      if (request.amount > request.total || request.total !== payment.amount) {
        throw new SandboxPayError(`sandbox: refund ${request.amount}/${request.total} does not match payment ${payment.amount}`);
      }
      const refundId = `sbr${randomUUID().replace(/-/g, '').slice(0, 24)}`;
      // set() on a fixed _id: a concurrent retry of the same refundNo overwrites, never adds a second refund.
      await refunds.doc(request.refundNo).set({ orderId: request.orderId, amount: request.amount, total: request.total, refundId, createdAt: now() });
      return { refundNo: request.refundNo, providerRefundId: refundId };
    },

    async queryPayment(orderId: string): Promise<PaymentStatus> {
      const payment = await loadPayment(orderId);
      return { paid: payment?.status === 'PAID', transactionId: payment?.transactionId ?? null, amount: payment?.amount ?? null };
    },

    async deliverPaymentNotification(orderId, result, times, deliveryOptions = {}) {
      if (!Number.isSafeInteger(times) || times < 1 || times > 100) throw new SandboxPayError('times must be 1–100');
      const payment = await loadPayment(orderId);
      if (!payment) throw new SandboxPayError(`sandbox: no payment was opened for order ${orderId}`);
      const settled = await settle(payment, result);
      const event = sandboxNotification({
        orderId,
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

  /** SUCCESS pays the sandbox payment once (a repeat keeps its transaction id); FAIL changes only an open one. */
  async function settle(payment: SandboxPaymentDoc & { _id: string }, result: 'SUCCESS' | 'FAIL'): Promise<SandboxPaymentDoc> {
    if (payment.status === 'PAID') return payment;
    if (result === 'FAIL') {
      await payments.doc(payment._id).update({ status: 'FAILED' });
      return { ...payment, status: 'FAILED' };
    }
    const transactionId = `4200${String(now()).padStart(16, '0')}${randomUUID().replace(/-/g, '').slice(0, 8)}`;
    const paidAt = now();
    const { updated } = await payments.where({ _id: payment._id, status: db.command.neq('PAID') }).update({ status: 'PAID', transactionId, paidAt });
    if (updated === 1) return { ...payment, status: 'PAID', transactionId, paidAt };
    return (await loadPayment(payment.orderId)) ?? payment;
  }
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
