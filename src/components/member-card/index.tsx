import { Text, View } from '@tarojs/components'
import type { MemberCardView } from '../../core/contracts/member'
import TierProgressBar from '../tier-progress'
import { inkFor, tierColor } from './colors'
import './index.scss'

export interface MemberCardProps {
  card: MemberCardView
}

/** The member card: tier in its colour, growth towards the next tier, and the tier's benefits. */
export default function MemberCard({ card }: MemberCardProps) {
  const { member, tier, nextTier, growth, progress, tiers } = card
  const color = tierColor(tier.id, tiers.findIndex((t) => t.id === tier.id))
  return (
    <View className='member-card' data-testid='member-card' data-tier={tier.id} style={{ backgroundColor: color, color: inkFor(color) }}>
      <View className='member-card__head'>
        <View className='member-card__who'>
          <Text className='member-card__nickname'>{member.nickname}</Text>
          <Text className='member-card__no'>NO. {member.memberId}</Text>
        </View>
        <Text className='member-card__tier' data-testid='member-tier'>
          {tier.name}
        </Text>
      </View>
      <TierProgressBar growth={growth} percent={progress.percent} remaining={progress.remaining} next={nextTier} />
      <View className='member-card__benefits' data-testid='member-benefits'>
        {tier.benefits.map((benefit) => (
          <Text key={benefit} className='member-card__benefit'>
            {benefit}
          </Text>
        ))}
      </View>
    </View>
  )
}

export { inkFor, tierColor } from './colors'
