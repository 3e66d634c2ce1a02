import { Text, View } from '@tarojs/components'
import type { MemberListItem } from '../../../../core/contracts/crm'
import { formatPrice } from '../../../../core/money'
import { dayText, LIFECYCLE_TONES } from './labels'

interface Props {
  member: MemberListItem
  onOpen?: () => void
  /** Multi-select: the check at the row's left. */
  selecting?: boolean
  selected?: boolean
  onToggle?: () => void
}

/** One member of a list: nickname, tier, RFM class, stage, tags, and paid orders / amount / last paid. */
export default function MemberRow({ member: m, onOpen, selecting = false, selected = false, onToggle }: Props) {
  return (
    <View className={`crm-member${selected ? ' crm-member--on' : ''}`} data-testid={`member-row-${m.openid}`}>
      {selecting ? (
        <View className='crm-member__check-cell' onClick={onToggle}>
          <Text className={`crm-member__check${selected ? ' crm-member__check--on' : ''}`} data-testid={`member-check-${m.openid}`}>
            {selected ? '✓' : ''}
          </Text>
        </View>
      ) : null}
      <View className='crm-member__main' onClick={selecting ? onToggle : onOpen}>
        <View className='crm-member__head'>
          <Text className='crm-member__avatar'>{m.nickname.slice(0, 1) || '会'}</Text>
          <View className='crm-member__who'>
            <View className='crm-member__name-row'>
              <Text className='crm-member__name'>{m.nickname || '未命名会员'}</Text>
              <Text className='crm-member__tier'>{m.tier}</Text>
            </View>
            <Text className='crm-member__phone'>{m.phone ?? '未留手机号'}</Text>
          </View>
          <View className='crm-member__badges'>
            <Text className='crm-badge crm-badge--rfm'>{m.rfm.class}</Text>
            <Text className={`crm-stage crm-stage--${LIFECYCLE_TONES[m.lifecycle]}`}>{m.lifecycle}</Text>
          </View>
        </View>
        <View className='crm-member__figures'>
          <Text className='crm-member__figure'>
            <Text className='crm-member__figure-value'>{m.stats.paidOrders}</Text> 单
          </Text>
          <Text className='crm-member__figure'>
            <Text className='crm-member__figure-value'>{formatPrice(m.stats.paidFen)}</Text>
          </Text>
          <Text className='crm-member__figure'>最近 {dayText(m.stats.lastPaidAt, '未消费')}</Text>
        </View>
        {m.tags.length ? (
          <View className='crm-tags'>
            {m.tags.map((tag) => (
              <Text key={tag} className='crm-tags__tag'>
                {tag}
              </Text>
            ))}
          </View>
        ) : null}
      </View>
    </View>
  )
}
