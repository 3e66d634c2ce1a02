import { Text, View } from '@tarojs/components'
import FlashCountdown from '../../../components/flash-countdown'
import type { OpenGroupSummary } from '../../../core/contracts/groupbuy'

/** The groups still filling, closing soonest first. */
export default function OpenGroups({ groups, onTimeUp }: { groups: OpenGroupSummary[]; onTimeUp: () => void }) {
  return (
    <View className='ops-card'>
      <Text className='ops-card__title'>拼团中的团（{groups.length}）</Text>
      {groups.length === 0 ? <Text className='ops-group__none'>暂时没有拼团中的团</Text> : null}
      {groups.map((group) => (
        <View key={group.groupId} className='ops-group__row' data-testid={`ops-group-${group.groupId}`}>
          <View className='ops-group__who'>
            <Text className='ops-group__leader'>团长 {group.leader.nickname}</Text>
            <Text className='ops-group__seats'>
              {group.size - group.seatsLeft}/{group.size} 人 · 差 {group.seatsLeft} 人
            </Text>
          </View>
          <FlashCountdown deadline={group.expiresAt} prefix='剩余' onEnd={onTimeUp} />
        </View>
      ))}
    </View>
  )
}
