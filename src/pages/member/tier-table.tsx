import { Text, View } from '@tarojs/components'
import type { TierView } from '../../core/contracts/member'
import SectionTitle from '../../components/section-title'
import { tierColor } from '../../components/member-card'

interface Props {
  tiers: TierView[]
  /** The member's tier, marked; none before joining. */
  currentId?: string
}

/** 等级权益: every tier with its threshold and benefits. */
export default function TierTable({ tiers, currentId }: Props) {
  return (
    <View className='member__block' data-testid='tier-table'>
      <SectionTitle title='等级权益' />
      {tiers.map((tier, rank) => (
        <View key={tier.id} className={`member__tier${tier.id === currentId ? ' member__tier--current' : ''}`}>
          <View className='member__tier-badge' style={{ backgroundColor: tierColor(tier.id, rank) }}>
            <Text>{tier.name}</Text>
          </View>
          <View className='member__tier-body'>
            <Text className='member__tier-threshold'>
              {tier.minGrowth > 0 ? `成长值 ${tier.minGrowth}` : '开卡即享'}
              {tier.id === currentId ? ' · 当前等级' : ''}
            </Text>
            <Text className='member__tier-benefits'>{tier.benefits.join(' · ')}</Text>
          </View>
        </View>
      ))}
    </View>
  )
}
