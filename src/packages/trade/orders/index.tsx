import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import StateView from '../../../components/state-view';
import Skeleton from '../../../components/skeleton';
import OrderCard from '../../../components/order-card';
import { serverNow } from '../../../components/order-countdown';
import PaySheet from '../../../components/pay-sheet';
import { orderCardActions } from '../../../core/order/card-actions';
import type { OrderView } from '../../../core/contracts/order';
import { ORDER_TABS, tabForParam, type OrderTab } from './tabs';
import { useOrderList } from './use-order-list';
import { useCardActions } from './use-card-actions';
import { orderUrl } from '../../../utils/routes';
import './index.scss';

export default function OrdersPage() {
  const { params } = useRouter();
  const [tab, setTab] = useState<OrderTab>(() => tabForParam(params.status));
  const { state, reload, loadMore } = useOrderList(tab);
  const shown = useRef(false);

  // Back from an order's page: its status may have changed.
  useDidShow(() => {
    if (shown.current) void reload(true);
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void reload(true).finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => void loadMore());
  const actions = useCardActions(() => reload(true));

  const open = (order: OrderView) => void Taro.navigateTo({ url: orderUrl(order._id) });

  return (
    <View className='orders'>
      <View className='orders__tabs'>
        {ORDER_TABS.map((item) => (
          <Text
            key={item.key}
            className={`orders__tab${item.key === tab.key ? ' orders__tab--on' : ''}`}
            data-testid={`orders-tab-${item.key}`}
            onClick={() => item.key !== tab.key && setTab(item)}
          >
            {item.label}
          </Text>
        ))}
      </View>

      {state.status === 'loading' ? <Skeleton layout='list' /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.error ?? undefined} onRetry={() => void reload()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView state='empty' message='暂无相关订单' actionText='去逛逛' onAction={() => void Taro.switchTab({ url: '/pages/home/index' })} />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View className='orders__list'>
          {state.items.map((order) => (
            <OrderCard
              key={order._id}
              order={order}
              onClick={open}
              actions={orderCardActions(order, { now: serverNow(), canRequestRefund: order.refundRequest?.canRequest ?? true })}
              pending={actions.pending?.orderId === order._id ? actions.pending.action : null}
              busy={actions.pending !== null}
              onAction={(o, action) => void actions.run(o, action)}
            />
          ))}
          <View className='orders__footer' data-testid='orders-footer'>
            {state.loadingMore ? (
              <Text>加载中…</Text>
            ) : state.next ? (
              <Text className='orders__more' onClick={() => void loadMore()}>
                上拉或点击加载更多
              </Text>
            ) : (
              <Text>没有更多了</Text>
            )}
          </View>
        </View>
      ) : null}
      <PaySheet {...actions.sheetProps} />
    </View>
  );
}
