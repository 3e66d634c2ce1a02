import Taro from '@tarojs/taro';
import { ApiError } from './errors';
import { defaultTransport, type Transport } from './transport';
import type { Action, Fn, Input, Output } from './types';

/** Reads are safe to repeat, so a network failure retries them; writes never retry blindly. */
const READ_ACTIONS = new Set([
  'ping',
  'whoami',
  'categories',
  'listProducts',
  'productDetail',
  'searchProducts',
  'searchSuggest',
  'home',
  'list',
  'get',
  'quote',
  'card',
  'code',
  'balance',
  'ledger',
  'checkInCalendar',
  'templates',
  'summary',
  'listActivities',
  'getActivity',
  'stats',
]);
const READ_RETRIES = 2;
const RETRY_DELAY_MS = 400;

let transport: Transport = defaultTransport;

/** Tests swap the transport; the app never does. */
export function setTransport(next: Transport): void {
  transport = next;
}

/**
 * Calls `fn.action` with `data`; answers the action's data or throws an
 * ApiError with the server's code and Chinese message.
 */
export async function call<F extends Fn, A extends Action<F>>(fn: F, action: A, data: Input<F, A>): Promise<Output<F, A>> {
  const attempts = READ_ACTIONS.has(action) ? READ_RETRIES + 1 : 1;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const envelope = await transport(fn, action, data ?? {});
      if (envelope.ok) return envelope.data as Output<F, A>;
      throw new ApiError(envelope.error.code, envelope.error.message, envelope.error.details);
    } catch (error) {
      const retry = error instanceof ApiError && error.isNetwork && attempt < attempts;
      if (!retry) throw error;
      await new Promise((done) => setTimeout(done, RETRY_DELAY_MS * attempt));
    }
  }
}

/** The message to show for a failed call. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '出了点问题，请稍后重试';
}

/** Shows a failed call as a toast. */
export function toastError(error: unknown): void {
  void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 });
}
