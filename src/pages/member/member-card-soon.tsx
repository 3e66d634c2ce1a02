import { View, Text } from '@tarojs/components'

/** The member card (tier, growth, points, member code) arrives in a later release; say so plainly. */
export default function MemberCardSoon() {
  return (
    <View className='member__card'>
      <View className='member__card-head'>
        <Text className='member__card-title'>会员卡</Text>
        <Text className='member__card-tag'>即将开放</Text>
      </View>
      <Text className='member__card-text'>会员卡即将开放：开卡后可查看等级与成长值、积分和到店出示的会员码，并享会员专享价。</Text>
    </View>
  )
}
