import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call, toastError } from '../../../api';
import type { OrderAction } from '../../../components/order-actions';
import { usePayment } from '../../../components/pay-sheet';
import type { OrderView } from '../../../core/contracts/order';

interface Options {
  orderId: string;
  /** The order as an action answered it. */
  onChanged: (order: OrderView) => void;
  /** Read the order again (after a payment, or a refused action). */
  reload: () => Promise<void>;
}

const CONFIRMS: Partial<Record<OrderAction, { title: string; content: string; confirmText: string }>> = {
  cancel: { title: '取消订单', content: '确定要取消这个订单吗？', confirmText: '确定取消' },
  confirm: { title: '确认收货', content: '请确认已收到商品，确认后订单将完成。', confirmText: '确认收货' },
  withdrawRefund: { title: '撤销退款申请', content: '撤销后订单将恢复原状态，确定撤销吗？', confirmText: '确定撤销' },
};

type RunAction = 'cancel' | 'confirm' | 'refund' | 'withdrawRefund';

const DONE_TOASTS: Record<RunAction, string> = {
  cancel: '订单已取消',
  confirm: '已确认收货',
  refund: '退款申请已提交',
  withdrawRefund: '已撤销退款申请',
};

/** What the refund sheet asks for: the reason and, for a partial refund, the lines. */
export interface RefundSubmission {
  reason: string;
  lines?: { skuId: string; quantity: number }[];
}

/** 去支付 / 取消订单 / 确认收货 / 申请退款: one at a time, each refreshing the order when done. */
export function useOrderActions({ orderId, onChanged, reload }: Options) {
  const [pending, setPending] = useState<OrderAction | null>(null);
  const [refundOpen, setRefundOpen] = useState(false);
  const busy = useRef(false);

  const payment = usePayment({
    onSettled: () => {
      busy.current = false;
      setPending(null);
      void reload();
    },
  });

  const run = useCallback(
    async (action: RunAction, send: () => Promise<OrderView>) => {
      busy.current = true;
      setPending(action);
      try {
        onChanged(await send());
        void Taro.showToast({ title: DONE_TOASTS[action], icon: 'success' });
        return true;
      } catch (error) {
        toastError(error);
        void reload();
        return false;
      } finally {
        busy.current = false;
        setPending(null);
      }
    },
    [onChanged, reload],
  );

  const start = useCallback(
    async (action: OrderAction) => {
      if (busy.current) return;
      if (action === 'pay') {
        busy.current = true;
        setPending('pay');
        await payment.pay(orderId);
        return;
      }
      if (action === 'refund') {
        setRefundOpen(true);
        return;
      }
      const ask = CONFIRMS[action]!;
      busy.current = true;
      const answer = await Taro.showModal({ ...ask, cancelText: '再想想', confirmColor: '#e4393c' }).catch(() => ({ confirm: false }));
      busy.current = false;
      if (!answer.confirm) return;
      await run(action, () => call('order', action, { orderId }));
    },
    [orderId, payment.pay, run],
  );

  const submitRefund = useCallback(
    async ({ reason, lines }: RefundSubmission) => {
      if (busy.current) return;
      const done = await run('refund', () => call('order', 'requestRefund', lines ? { orderId, reason, lines } : { orderId, reason }));
      if (done) setRefundOpen(false);
    },
    [orderId, run],
  );

  return {
    pending,
    start,
    refund: { visible: refundOpen, pending: pending === 'refund', onSubmit: submitRefund, onClose: () => setRefundOpen(false) },
    sheetProps: payment.sheetProps,
  };
}
