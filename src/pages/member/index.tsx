import { View, Text } from '@tarojs/components'

export default function MemberPage() {
  return (
    <View className='page'>
      <Text className='page__title'>会员</Text>
      <Text className='page__text'>会员卡、等级与成长值将显示在这里。</Text>
    </View>
  )
}
