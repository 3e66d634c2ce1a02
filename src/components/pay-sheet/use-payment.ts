import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call, errorMessage, toastError } from '../../api';
import type { WxPaymentParams } from '../../core/contracts/payment';
import type { OrderView } from '../../core/contracts/order';
import type { Fen } from '../../core/money';

/** 微信支付, 余额支付, or 余额 + 微信 (the balance held, WeChat for the rest). */
export type PayMethod = 'wechat' | 'wallet' | 'split';
import { settleSandboxPayment, type SandboxResult } from './sandbox';
import { waitForPayment } from './wait-for-payment';

/**
 * paid: the order left PENDING_PAYMENT; pending: paid but not confirmed yet;
 * cancelled / failed: still unpaid; error: payment could not start (e.g. ORDER_EXPIRED).
 */
export type PaymentOutcome = 'paid' | 'pending' | 'cancelled' | 'failed' | 'error';

export interface PaySheetState {
  orderId: string;
  amount: Fen;
  walletFen?: Fen;
}

export type PaySheetBusy = 'confirm' | 'fail' | null;

interface Options {
  /** Called once per payment attempt, when it ends (the order may be null when it was not read). */
  onSettled: (orderId: string, outcome: PaymentOutcome, order: OrderView | null) => void;
}

/**
 * Pays an order: `order.pay`, then WeChat's `requestPayment` on weapp or the
 * sandbox pay sheet on H5, then waits briefly for the order to show the payment.
 */
export function usePayment({ onSettled }: Options) {
  const [starting, setStarting] = useState(false);
  const [sheet, setSheet] = useState<PaySheetState | null>(null);
  const [busy, setBusy] = useState<PaySheetBusy>(null);
  const startingRef = useRef(false);
  const busyRef = useRef(false);
  const settledRef = useRef(onSettled);
  settledRef.current = onSettled;

  const finishPaid = useCallback(async (orderId: string) => {
    const order = await waitForPayment(orderId).catch(() => null);
    const outcome: PaymentOutcome = order && order.status !== 'PENDING_PAYMENT' ? 'paid' : 'pending';
    void Taro.showToast({ title: outcome === 'paid' ? '支付成功' : '支付结果确认中', icon: outcome === 'paid' ? 'success' : 'none' });
    settledRef.current(orderId, outcome, order);
  }, []);

  const pay = useCallback(
    /** `wallet`: 余额支付 (issue 14), paid at once from the stored value; `split`: the balance, and WeChat for the rest. */
    async (orderId: string, method: PayMethod = 'wechat') => {
      if (startingRef.current) return;
      startingRef.current = true;
      setStarting(true);
      try {
        const view = await call('order', 'pay', { orderId, method });
        if (view.payment.provider === 'wallet') {
          await finishPaid(orderId);
          return;
        }
        if (view.payment.provider === 'sandbox') {
          setSheet({ orderId, amount: view.amount, ...(view.walletFen ? { walletFen: view.walletFen } : {}) });
          return;
        }
        const outcome = await requestWxPayment(view.payment);
        if (outcome === 'paid') await finishPaid(orderId);
        else settledRef.current(orderId, outcome, null);
      } catch (error) {
        toastError(error);
        settledRef.current(orderId, 'error', null);
      } finally {
        startingRef.current = false;
        setStarting(false);
      }
    },
    [finishPaid],
  );

  const settleSheet = useCallback(
    async (result: SandboxResult) => {
      if (!sheet || busyRef.current) return;
      busyRef.current = true;
      setBusy(result === 'SUCCESS' ? 'confirm' : 'fail');
      try {
        await settleSandboxPayment(sheet.orderId, result);
        setSheet(null);
        if (result === 'SUCCESS') await finishPaid(sheet.orderId);
        else {
          void Taro.showToast({ title: '支付失败', icon: 'none' });
          settledRef.current(sheet.orderId, 'failed', null);
        }
      } catch (error) {
        toastError(error);
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [sheet, finishPaid],
  );

  const cancelSheet = useCallback(() => {
    if (!sheet || busyRef.current) return;
    setSheet(null);
    void Taro.showToast({ title: '已取消支付', icon: 'none' });
    settledRef.current(sheet.orderId, 'cancelled', null);
  }, [sheet]);

  return {
    pay,
    /** `order.pay` is on its way. */
    starting,
    sheetProps: {
      visible: sheet !== null,
      amount: sheet?.amount ?? 0,
      walletFen: sheet?.walletFen,
      busy,
      onConfirm: () => void settleSheet('SUCCESS'),
      onFail: () => void settleSheet('FAIL'),
      onCancel: cancelSheet,
    },
  };
}

async function requestWxPayment(params: WxPaymentParams): Promise<'paid' | 'cancelled' | 'failed'> {
  const { timeStamp, nonceStr, package: pkg, signType, paySign } = params.payment;
  try {
    await Taro.requestPayment({ timeStamp, nonceStr, package: pkg, signType: signType as Taro.requestPayment.Option['signType'], paySign });
    return 'paid';
  } catch (error) {
    const message = (error as { errMsg?: string })?.errMsg ?? errorMessage(error);
    if (/cancel/i.test(message)) {
      void Taro.showToast({ title: '已取消支付', icon: 'none' });
      return 'cancelled';
    }
    void Taro.showToast({ title: '支付失败', icon: 'none' });
    return 'failed';
  }
}
