import Taro from '@tarojs/taro';
import { useCallback, useRef, useState } from 'react';
import { call, toastError } from '../../../api';
import { usePayment } from '../../../components/pay-sheet';
import type { OrderView } from '../../../core/contracts/order';
import type { OrderCardAction } from '../../../core/order/card-actions';
import { useCartStore } from '../../../stores/cart';
import { CART_URL, orderUrl, payResultUrl, productUrl } from '../../../utils/routes';

const CONFIRMS = {
  cancel: { title: '取消订单', content: '确定要取消这个订单吗？', confirmText: '确定取消' },
  confirm: { title: '确认收货', content: '请确认已收到商品，确认后订单将完成。', confirmText: '确认收货' },
} as const;

/**
 * The order list's buttons: 去支付 (the pay sheet, then 支付成功), 取消 and
 * 确认收货 (asked first, then the list reloads), 申请退款 (the order's page,
 * with its refund sheet open), 再来一单 (a shop order's lines into the cart;
 * other orders open the product). One at a time.
 */
export function useCardActions(reload: () => Promise<void>) {
  const [pending, setPending] = useState<{ orderId: string; action: OrderCardAction } | null>(null);
  const busy = useRef(false);

  const done = useCallback(() => {
    busy.current = false;
    setPending(null);
  }, []);

  const payment = usePayment({
    onSettled: (orderId, outcome) => {
      done();
      if (outcome === 'paid') void Taro.navigateTo({ url: payResultUrl(orderId) });
      else void reload();
    },
  });

  const run = useCallback(
    async (order: OrderView, action: OrderCardAction) => {
      if (busy.current) return;
      if (action === 'refund') {
        void Taro.navigateTo({ url: `${orderUrl(order._id)}&action=refund` });
        return;
      }
      if (action === 'cancel' || action === 'confirm') {
        busy.current = true;
        const answer = await Taro.showModal({ ...CONFIRMS[action], cancelText: '再想想', confirmColor: '#e4393c' }).catch(() => ({ confirm: false }));
        if (!answer.confirm) return done();
      }
      busy.current = true;
      setPending({ orderId: order._id, action });
      if (action === 'pay') {
        await payment.pay(order._id);
        return;
      }
      try {
        if (action === 'reorder') await reorder(order);
        else {
          await call('order', action, { orderId: order._id });
          void Taro.showToast({ title: action === 'cancel' ? '订单已取消' : '已确认收货', icon: 'success' });
          await reload();
        }
      } catch (error) {
        toastError(error);
        void reload();
      } finally {
        done();
      }
    },
    [payment.pay, reload, done],
  );

  return { pending, run, sheetProps: payment.sheetProps };
}

async function reorder(order: OrderView): Promise<void> {
  if ((order.source ?? 'shop') !== 'shop') {
    const productId = order.items[0]?.productId;
    if (productId) void Taro.navigateTo({ url: productUrl(productId) });
    return;
  }
  const cart = useCartStore.getState();
  for (const item of order.items) await cart.add(item.skuId, item.quantity);
  void Taro.showToast({ title: '已加入购物车', icon: 'success' });
  void Taro.switchTab({ url: CART_URL });
}
