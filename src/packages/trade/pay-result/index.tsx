import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import StateView from '../../../components/state-view';
import { formatPrice } from '../../../core/money';
import { formatPickupCode } from '../../../core/pickup/code';
import { HOME_URL, orderUrl } from '../../../utils/routes';
import { useAsync } from '../../../utils/use-async';
import { loadPayResult } from './load';
import './index.scss';

/** 支付成功: the amount paid, the points earned, the order (with its 取货码 for pickup) and 继续购物. */
export default function PayResultPage() {
  const { params } = useRouter();
  const orderId = (params.id ?? '').trim();
  const load = useCallback(async () => {
    if (!orderId) throw new Error('缺少订单编号');
    return loadPayResult(orderId);
  }, [orderId]);
  const result = useAsync(load);

  if (result.status === 'loading') return <StateView state='loading' />;
  if (result.status === 'error') {
    return orderId ? (
      <StateView state='error' message={result.message} onRetry={() => void result.reload()} />
    ) : (
      <StateView state='empty' message='缺少订单编号' actionText='回到首页' onAction={() => void Taro.switchTab({ url: HOME_URL })} />
    );
  }

  const { order, points } = result.data;
  const paid = order.status !== 'PENDING_PAYMENT' && order.status !== 'CANCELLED';
  const pickupCode = order.fulfillment.type === 'pickup' ? (order.fulfillment.pickupCode ?? null) : null;
  const openOrder = () => void Taro.redirectTo({ url: orderUrl(order._id) });

  return (
    <View className='pay-result' data-testid='pay-result'>
      <View className='pay-result__head'>
        <Text className={`pay-result__icon${paid ? '' : ' pay-result__icon--wait'}`}>{paid ? '✓' : '…'}</Text>
        <Text className='pay-result__title'>{paid ? '支付成功' : '支付结果确认中'}</Text>
        <Text className='pay-result__amount' data-testid='pay-result-amount'>
          {formatPrice(order.amounts.payable)}
        </Text>
        {points !== null && points > 0 ? (
          <Text className='pay-result__points' data-testid='pay-result-points'>
            本单获得 {points} 积分
          </Text>
        ) : null}
      </View>

      <View className='pay-result__card'>
        {order.walletFen ? (
          <View className='pay-result__row' data-testid='pay-result-method'>
            <Text className='pay-result__label'>支付方式</Text>
            <Text className='pay-result__value'>
              {order.walletFen >= order.amounts.payable
                ? `储值余额 ${formatPrice(order.walletFen)}`
                : `储值 ${formatPrice(order.walletFen)} + 微信 ${formatPrice(order.amounts.payable - order.walletFen)}`}
            </Text>
          </View>
        ) : null}
        <View className='pay-result__row'>
          <Text className='pay-result__label'>订单编号</Text>
          <Text className='pay-result__value' data-testid='pay-result-order-no'>
            {order.orderNo}
          </Text>
        </View>
        <View className='pay-result__row'>
          <Text className='pay-result__label'>{order.fulfillment.type === 'pickup' ? '自提门店' : '收货人'}</Text>
          <Text className='pay-result__value'>
            {order.fulfillment.type === 'pickup' ? order.fulfillment.storeName : `${order.fulfillment.address.name} ${order.fulfillment.address.phone}`}
          </Text>
        </View>
        {pickupCode ? (
          <View className='pay-result__pickup' data-testid='pay-result-pickup' onClick={openOrder}>
            <Text className='pay-result__label'>取货码</Text>
            <Text className='pay-result__code'>{formatPickupCode(pickupCode)}</Text>
            <Text className='pay-result__note'>到店出示取货码或订单中的二维码</Text>
          </View>
        ) : null}
      </View>

      <View className='pay-result__buttons'>
        <Button className='pay-result__button pay-result__button--primary' data-testid='pay-result-order' onClick={openOrder}>
          查看订单
        </Button>
        <Button className='pay-result__button' data-testid='pay-result-continue' onClick={() => void Taro.switchTab({ url: HOME_URL })}>
          继续购物
        </Button>
      </View>
    </View>
  );
}
