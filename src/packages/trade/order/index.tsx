import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import StateView from '../../../components/state-view';
import OrderActions, { orderActionsFor } from '../../../components/order-actions';
import OrderAmounts from '../../../components/order-amounts';
import { serverNow } from '../../../components/order-countdown';
import OrderFulfillment from '../../../components/order-fulfillment';
import OrderItems, { type OrderItemLine } from '../../../components/order-items';
import OrderRefundSheet from '../../../components/order-refund-sheet';
import PaySheet from '../../../components/pay-sheet';
import { mallItemUrl } from '../../../components/mall-entries/links';
import { COUPON_FACE, isCouponRedemption, orderPoints } from '../../../core/mall/order-display';
import OrderInfo from './order-info';
import OrderMissing from './order-missing';
import RefundTimeline from './refund-timeline';
import PickupCard from './pickup-card';
import CouponIssuedCard from './coupon-issued-card';
import StatusHeader from './status-header';
import { useOrder } from './use-order';
import { useOrderActions } from './use-order-actions';
import './index.scss';

export default function OrderPage() {
  const { params } = useRouter();
  const orderId = (params.id ?? '').trim();
  const { state, reload, replace } = useOrder(orderId);
  const refresh = useCallback(() => reload(true), [reload]);
  const { pending, start, refund, sheetProps } = useOrderActions({ orderId, onChanged: replace, reload: refresh });

  // 申请退款 from the order list: open the refund sheet once the order shows it may be refunded.
  const askedRefund = useRef(params.action === 'refund');
  useEffect(() => {
    if (!askedRefund.current || state.status !== 'ready') return;
    askedRefund.current = false;
    if (orderActionsFor(state.order.status, false, state.order.refundRequest?.canRequest ?? true).includes('refund')) void start('refund');
  }, [state, start]);

  const order = state.status === 'ready' ? state.order : null;
  const [expired, setExpired] = useState(false);
  useEffect(() => {
    setExpired(order !== null && order.status === 'PENDING_PAYMENT' && serverNow() >= order.expiresAt);
  }, [order]);
  const onExpire = useCallback(() => {
    setExpired(true);
    void refresh();
  }, [refresh]);

  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void refresh();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void refresh().finally(() => void Taro.stopPullDownRefresh());
  });

  if (state.status === 'loading') return <StateView state='loading' />;
  if (state.status === 'error' && state.code === 'ORDER_NOT_FOUND') return <OrderMissing message={state.message} />;
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={orderId ? () => void reload() : undefined} />;

  const { order: view } = state;
  const openProduct = (item: OrderItemLine) => {
    if (view.mall) {
      void Taro.navigateTo({ url: mallItemUrl(view.mall.itemId) });
      return;
    }
    const productId = view.items.find((i) => i.skuId === item.skuId)?.productId;
    if (productId) void Taro.navigateTo({ url: `/pages/product/index?id=${encodeURIComponent(productId)}` });
  };
  const actions = orderActionsFor(view.status, expired, view.refundRequest?.canRequest ?? true);
  const refundLines = (view.refundableLines ?? []).map((line) => {
    const item = view.items.find((i) => i.skuId === line.skuId);
    return { skuId: line.skuId, refundable: line.quantity, name: item ? `${item.productName}${item.skuName ? `（${item.skuName}）` : ''}` : '商品' };
  });

  return (
    <View className={`order-page${actions.length > 0 ? ' order-page--with-actions' : ''}`}>
      <StatusHeader order={view} expired={expired} onExpire={onExpire} />

      <View className='order-page__card'>
        {isCouponRedemption(view) ? (
          <CouponIssuedCard />
        ) : view.fulfillment.type === 'pickup' ? (
          <PickupCard order={view} />
        ) : (
          <OrderFulfillment fulfillment={view.fulfillment} />
        )}
      </View>

      <View className='order-page__card'>
        <OrderItems
          items={view.items}
          onItemClick={openProduct}
          placeholder={isCouponRedemption(view) ? COUPON_FACE : undefined}
          points={orderPoints(view)}
        />
        <View className='order-page__amounts'>
          <OrderAmounts
            amounts={view.amounts}
            fulfillmentType={view.fulfillment.type}
            payableLabel={view.paidAt ? '实付款' : '应付金额'}
            walletFen={view.walletFen}
            unpaid={view.status === 'PENDING_PAYMENT'}
            points={orderPoints(view)}
            digital={isCouponRedemption(view)}
          />
        </View>
      </View>

      {view.refundRequest ? (
        <View className='order-page__card'>
          <RefundTimeline request={view.refundRequest} />
        </View>
      ) : null}

      <View className='order-page__card'>
        <OrderInfo order={view} />
      </View>

      {view.status === 'CANCELLED' || view.status === 'COMPLETED' || view.status === 'REFUNDED' ? (
        <Text className='order-page__link' onClick={() => void Taro.switchTab({ url: '/pages/home/index' })}>
          再去逛逛
        </Text>
      ) : null}

      <OrderActions actions={actions} pending={pending} onAction={(action) => void start(action)} />
      <OrderRefundSheet
        {...refund}
        lines={refundLines}
        rejectedReason={view.refundRequest?.state === 'REJECTED' ? (view.refundRequest.rejectReason ?? '') : null}
      />
      <PaySheet {...sheetProps} />
    </View>
  );
}
