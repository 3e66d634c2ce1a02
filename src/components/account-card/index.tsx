import { View, Text } from '@tarojs/components'
import './index.scss'

const ROLE_LABELS: Record<string, string> = { customer: '顾客', staff: '店员', operator: '运营', system: '系统' }

export interface AccountCardProps {
  nickname: string
  roles: string[]
  /** The member's tier and points; null before joining. */
  member: { tierName: string; points: number } | null
  coupons: number | null
  onJoin?: () => void
  onPoints?: () => void
  onCoupons?: () => void
}

/** Who is signed in: initial, nickname, tier (or 加入会员), roles beyond 顾客; points and coupons. No internal ids. */
export default function AccountCard({ nickname, roles, member, coupons, onJoin, onPoints, onCoupons }: AccountCardProps) {
  const shownRoles = roles.filter((role) => role !== 'customer')
  return (
    <View className='account-card' data-testid='account-card'>
      <View className='account-card__top'>
        <View className='account-card__avatar'>
          <Text>{nickname.slice(0, 1)}</Text>
        </View>
        <View className='account-card__who'>
          <Text className='account-card__nickname' data-testid='account-nickname'>
            {nickname}
          </Text>
          <View className='account-card__roles'>
            {member ? (
              <Text className='account-card__role account-card__role--tier' data-testid='account-tier'>
                {member.tierName}
              </Text>
            ) : (
              <Text className='account-card__role account-card__role--join' data-testid='account-join' onClick={onJoin}>
                加入会员 ›
              </Text>
            )}
            {shownRoles.map((role) => (
              <Text key={role} className='account-card__role'>
                {ROLE_LABELS[role] ?? role}
              </Text>
            ))}
          </View>
        </View>
      </View>
      <View className='account-card__stats'>
        <View className='account-card__stat' data-testid='account-points' onClick={onPoints}>
          <Text className='account-card__stat-value'>{member ? member.points : '--'}</Text>
          <Text className='account-card__stat-label'>积分</Text>
        </View>
        <View className='account-card__stat' data-testid='account-coupons' onClick={onCoupons}>
          <Text className='account-card__stat-value'>{coupons ?? '--'}</Text>
          <Text className='account-card__stat-label'>优惠券</Text>
        </View>
      </View>
    </View>
  )
}
