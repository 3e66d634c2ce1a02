import { View, Text } from '@tarojs/components'
import { useCartStore } from '../../stores/cart'
import './index.scss'

export interface CartBadgeProps {
  label?: string
}

/** Shows how many items are in the cart; tapping it adds one (scaffold behaviour). */
export default function CartBadge({ label = '购物车' }: CartBadgeProps) {
  const count = useCartStore((s) => s.count)
  const add = useCartStore((s) => s.add)
  return (
    <View className='cart-badge' onClick={() => add()}>
      <Text className='cart-badge__label'>{label}</Text>
      <Text className='cart-badge__count'>{count} 件</Text>
    </View>
  )
}
