import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import StateView from '../../../components/state-view';
import { HOME_URL, ordersUrl } from '../../../utils/routes';

/** 订单不存在 (someone else's, a mistyped link): the ways back, not a retry that cannot help. */
export default function OrderMissing({ message }: { message: string }) {
  return (
    <View className='order-missing' data-testid='order-missing'>
      <StateView state='empty' message={message} actionText='回到订单列表' onAction={() => void Taro.redirectTo({ url: ordersUrl() })} />
      <Text className='order-missing__home' data-testid='order-missing-home' onClick={() => void Taro.switchTab({ url: HOME_URL })}>
        回到首页
      </Text>
    </View>
  );
}
