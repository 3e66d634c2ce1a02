import { Button, Text, View } from '@tarojs/components'
import GroupCountdown from '../../../components/group-countdown'
import type { OpenGroupSummary } from '../../../core/contracts/groupbuy'

interface Props {
  groups: OpenGroupSummary[]
  onOpenGroup: (groupId: string) => void
  onExpire: () => void
}

/** 正在拼团: open groups with seats left, closing soonest first; 去参团 opens the group. */
export default function OpenGroups({ groups, onOpenGroup, onExpire }: Props) {
  return (
    <View className='gb-activity__card' data-testid='open-groups'>
      <Text className='gb-activity__label'>正在拼团，可直接参与</Text>
      {groups.length === 0 ? (
        <Text className='gb-activity__none'>暂时没有可参与的团，发起一个邀请好友吧</Text>
      ) : (
        groups.map((group) => (
          <View key={group.groupId} className='gb-activity__group' data-testid={`open-group-${group.groupId}`}>
            <View className='gb-activity__group-avatar'>
              <Text>{Array.from(group.leader.nickname)[0] ?? '团'}</Text>
            </View>
            <View className='gb-activity__group-body'>
              <Text className='gb-activity__group-leader'>{group.leader.nickname} 的团</Text>
              <View className='gb-activity__group-meta'>
                <Text className='gb-activity__group-left'>还差 {group.seatsLeft} 人</Text>
                <GroupCountdown deadline={group.expiresAt} prefix='' suffix='后结束' compact onEnd={onExpire} />
              </View>
            </View>
            <Button className='gb-activity__group-go' data-testid={`open-group-go-${group.groupId}`} onClick={() => onOpenGroup(group.groupId)}>
              {group.joinedByMe ? '查看' : '去参团'}
            </Button>
          </View>
        ))
      )}
    </View>
  )
}
