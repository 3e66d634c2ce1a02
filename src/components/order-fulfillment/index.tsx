import { Text, View } from '@tarojs/components';
import type { OrderFulfillment as Fulfillment } from '../../core/order/types';
import './index.scss';

interface Props {
  fulfillment: Fulfillment;
}

/** Where the goods go: the delivery address, or the store to pick them up at. */
export default function OrderFulfillment({ fulfillment }: Props) {
  if (fulfillment.type === 'pickup') {
    return (
      <View className='order-fulfillment' data-testid='order-fulfillment'>
        <Text className='order-fulfillment__badge'>到店自提</Text>
        <View className='order-fulfillment__body'>
          <Text className='order-fulfillment__title'>{fulfillment.storeName}</Text>
          <Text className='order-fulfillment__text'>凭订单到店取货</Text>
        </View>
      </View>
    );
  }
  const { address } = fulfillment;
  return (
    <View className='order-fulfillment' data-testid='order-fulfillment'>
      <Text className='order-fulfillment__badge'>快递配送</Text>
      <View className='order-fulfillment__body'>
        <Text className='order-fulfillment__title'>
          {address.name}
          <Text className='order-fulfillment__phone'>{address.phone}</Text>
        </Text>
        <Text className='order-fulfillment__text'>
          {address.region} {address.detail}
        </Text>
      </View>
    </View>
  );
}
