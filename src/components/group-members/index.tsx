import { Image, Text, View } from '@tarojs/components'
import './index.scss'

export interface GroupSeat {
  key: string
  /** Shown under the avatar (a nickname, or 我). */
  name: string
  avatar: string | null
  leader: boolean
  /** False: the seat is held, its payment is still open. */
  paid: boolean
}

interface Props {
  members: GroupSeat[]
  /** Seats in the group (2–10): the empty ones are drawn as "?". */
  size: number
}

/** The group's seats: the leader first with 团长, each member paid or 待支付, then the empty seats. */
export default function GroupMembers({ members, size }: Props) {
  const empty = Math.max(size - members.length, 0)
  return (
    <View className='group-members' data-testid='group-members'>
      {members.map((member) => (
        <View key={member.key} className='group-members__seat' data-testid='group-member' data-paid={member.paid ? 'yes' : 'no'}>
          <View className={`group-members__avatar${member.paid ? '' : ' group-members__avatar--unpaid'}`}>
            {member.avatar ? (
              <Image className='group-members__image' src={member.avatar} mode='aspectFill' />
            ) : (
              <Text className='group-members__initial'>{initialOf(member.name)}</Text>
            )}
            {member.leader ? <Text className='group-members__badge'>团长</Text> : null}
          </View>
          <Text className='group-members__name'>{member.name}</Text>
          <Text className={`group-members__state${member.paid ? '' : ' group-members__state--unpaid'}`}>{member.paid ? '已支付' : '待支付'}</Text>
        </View>
      ))}
      {Array.from({ length: empty }, (_, i) => (
        <View key={`empty-${i}`} className='group-members__seat' data-testid='group-seat-empty'>
          <View className='group-members__avatar group-members__avatar--empty'>
            <Text className='group-members__initial'>?</Text>
          </View>
          <Text className='group-members__name group-members__name--empty'>待加入</Text>
        </View>
      ))}
    </View>
  )
}

function initialOf(name: string): string {
  return Array.from(name.trim())[0] ?? '?'
}
