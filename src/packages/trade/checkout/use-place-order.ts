import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, toastError } from '../../../api';
import { usePayment, type PayMethod } from '../../../components/pay-sheet';
import type { CreateOrderInput } from '../../../core/contracts/order';
import { useCartStore } from '../../../stores/cart';
import { IntentKey } from '../../../utils/intent-key';
import { newRequestId } from '../../../utils/request-id';
import { orderUrl, payResultUrl } from '../../../utils/routes';
import { askSubscribe } from '../../../utils/subscribe';
import { saveLastAddress } from './address';
import { isCouponRefusal } from './coupon-choice';

export interface StockProblem {
  skuId: string;
  message: string;
}

type OrderDraft = Omit<CreateOrderInput, 'requestId'>;

/**
 * 提交订单: `order.create` with one requestId per draft (a double tap or a
 * retry of the same draft answers the same order; a changed draft is a new
 * intent), then payment. Paid: the 支付成功 page; otherwise the order's page
 * (待支付 and its countdown). Leaving the checkout while the pay sheet is
 * open (the browser's back) also lands on the unpaid order, never silently
 * on the page before. The draft carries the coupon choice as the quote did
 * (`couponId` omitted: the server's best; null: none).
 */
export function usePlaceOrder(
  onStockProblem: (problem: StockProblem) => void,
  onCouponProblem: (message: string) => void,
  options: { rememberAddress: boolean } = { rememberAddress: false },
) {
  const intent = useRef(new IntentKey()).current;
  const busyRef = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  /** The order this visit created and has not yet sent the customer on from. */
  const unsettled = useRef<string | null>(null);

  const payment = usePayment({
    onSettled: (orderId, outcome) => {
      unsettled.current = null;
      void Taro.redirectTo({ url: outcome === 'paid' ? payResultUrl(orderId) : orderUrl(orderId) });
    },
  });

  useEffect(
    () => () => {
      const orderId = unsettled.current;
      // Unmounted with the order still unpaid and nowhere to go: the customer backed out of the pay sheet.
      if (orderId) setTimeout(() => void Taro.navigateTo({ url: orderUrl(orderId) }), 0);
    },
    [],
  );

  const submit = useCallback(
    /** `wallet`: 余额支付; `split`: 余额 + 微信 (issue 14). */
    async (draft: OrderDraft, method: PayMethod = 'wechat') => {
      if (busyRef.current) return;
      busyRef.current = true;
      setSubmitting(true);
      // Consent for 支付成功 / 发货 / 待自提 notices, in the tap itself (WeChat needs a user gesture); never throws.
      await askSubscribe('checkout');
      let order;
      try {
        order = await call('order', 'create', { ...draft, requestId: intent.for(draft) });
      } catch (error) {
        busyRef.current = false;
        setSubmitting(false);
        if (error instanceof ApiError && error.code === 'OUT_OF_STOCK' && typeof error.details?.skuId === 'string') {
          onStockProblem({ skuId: error.details.skuId, message: error.message });
        } else if (error instanceof ApiError && isCouponRefusal(error.code)) {
          onCouponProblem(error.message);
        } else toastError(error);
        return;
      }
      // The order exists: the button stays disabled, this visit is done with it.
      unsettled.current = order._id;
      if (draft.fulfillment.type === 'delivery' && draft.fulfillment.address) {
        saveLastAddress(draft.fulfillment.address);
        // A first address typed here goes into the address book (as the default), for next time; best effort.
        if (options.rememberAddress) void call('order', 'saveAddress', { requestId: newRequestId(), ...draft.fulfillment.address, isDefault: true }).catch(() => undefined);
      }
      if (draft.source === 'cart') void useCartStore.getState().load();
      await payment.pay(order._id, method);
    },
    [intent, onStockProblem, onCouponProblem, payment.pay, options.rememberAddress],
  );

  return { submit, submitting: submitting || payment.starting, sheetProps: payment.sheetProps };
}
