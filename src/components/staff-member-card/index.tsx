import { Text, View } from '@tarojs/components'
import './index.scss'

export interface StaffMemberCardProps {
  nickname: string
  memberId: string
  tierName: string
  points: number
}

/** The scanned member as staff see them: name, card number, tier and points. */
export default function StaffMemberCard({ nickname, memberId, tierName, points }: StaffMemberCardProps) {
  return (
    <View className='staff-member-card' data-testid='staff-member-card'>
      <View className='staff-member-card__avatar'>
        <Text>{nickname.slice(0, 1) || '会'}</Text>
      </View>
      <View className='staff-member-card__body'>
        <View className='staff-member-card__name-row'>
          <Text className='staff-member-card__name'>{nickname}</Text>
          <Text className='staff-member-card__tier'>{tierName}</Text>
        </View>
        <Text className='staff-member-card__no'>会员卡号 {memberId}</Text>
      </View>
      <View className='staff-member-card__points'>
        <Text className='staff-member-card__points-value' data-testid='staff-member-points'>
          {points}
        </Text>
        <Text className='staff-member-card__points-label'>积分</Text>
      </View>
    </View>
  )
}
