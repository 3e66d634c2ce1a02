import { View, Text } from '@tarojs/components'
import CartBadge from '../../components/cart-badge'

export default function CartPage() {
  return (
    <View className='page'>
      <Text className='page__title'>购物车</Text>
      <Text className='page__text'>已选商品与结算入口。</Text>
      <CartBadge label='已加入' />
    </View>
  )
}
