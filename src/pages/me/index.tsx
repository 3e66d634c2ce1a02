import { View, Text } from '@tarojs/components'

export default function MePage() {
  return (
    <View className='page'>
      <Text className='page__title'>我的</Text>
      <Text className='page__text'>订单、卡券与账户设置。</Text>
    </View>
  )
}
