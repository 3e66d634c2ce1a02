import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import SectionTitle from '../section-title'
import { CHECKIN_URL, MEMBER_CODE_URL, pointsUrl } from './links'
import './index.scss'

const ENTRIES = [
  { key: 'points', label: '积分明细', glyph: '积', url: pointsUrl() },
  { key: 'code', label: '会员码', glyph: '码', url: MEMBER_CODE_URL },
  { key: 'checkin', label: '签到', glyph: '签', url: CHECKIN_URL }
]

/** 我的 → the member's points, member code and check-in. */
export default function PointsShortcuts() {
  return (
    <View className='points-shortcuts'>
      <SectionTitle title='会员服务' />
      <View className='points-shortcuts__row'>
        {ENTRIES.map((entry) => (
          <View key={entry.key} className='points-shortcuts__item' data-testid={`me-entry-${entry.key}`} onClick={() => void Taro.navigateTo({ url: entry.url })}>
            <View className='points-shortcuts__icon'>
              <Text>{entry.glyph}</Text>
            </View>
            <Text className='points-shortcuts__label'>{entry.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export { CHECKIN_URL, MEMBER_CODE_URL, MEMBER_TAB_URL, pointsUrl, type PointsFilter } from './links'
