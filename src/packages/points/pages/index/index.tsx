import { View, Text } from '@tarojs/components'

export default function PointsPage() {
  return (
    <View className='page'>
      <Text className='page__title'>积分商城</Text>
      <Text className='page__text'>用积分兑换好礼（分包示例）。</Text>
    </View>
  )
}
