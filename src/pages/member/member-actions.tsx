import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { CHECKIN_URL, MEMBER_CODE_URL, pointsUrl } from '../../components/points-shortcuts/links'
import { MALL_URL } from '../../components/mall-entries/links'

const ACTIONS = [
  { key: 'code', label: '会员码', glyph: '码', url: MEMBER_CODE_URL },
  { key: 'checkin', label: '签到有礼', glyph: '签', url: CHECKIN_URL },
  { key: 'points', label: '积分明细', glyph: '积', url: pointsUrl() },
  { key: 'mall', label: '积分商城', glyph: '兑', url: MALL_URL }
]

/** The member's everyday entries: member code, check-in, points, points mall. */
export default function MemberActions() {
  return (
    <View className='member__block member__actions'>
      {ACTIONS.map((action) => (
        <View key={action.key} className='member__action' data-testid={`member-action-${action.key}`} onClick={() => void Taro.navigateTo({ url: action.url })}>
          <View className='member__action-icon'>
            <Text>{action.glyph}</Text>
          </View>
          <Text className='member__action-label'>{action.label}</Text>
        </View>
      ))}
    </View>
  )
}
