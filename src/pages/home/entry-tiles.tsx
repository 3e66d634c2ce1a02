import { View, Text } from '@tarojs/components'
import { openLink, showComingSoon } from '../../utils/navigate'
import { MALL_URL } from '../../components/mall-entries/links'
import { FLASH_LIST_URL } from '../../components/flash-sale-card/links'
import { LIVE_LIST_URL } from '../../components/live-entry/links'

/** Entries to features; those of later releases are shown now, and honest about it when tapped. */
const ENTRIES: Array<{ key: string; label: string; glyph: string; color: string; url?: string }> = [
  { key: 'points', label: '积分商城', glyph: '积', color: '#f0a020', url: MALL_URL },
  { key: 'groupbuy', label: '拼团', glyph: '拼', color: '#e4393c', url: '/packages/groupbuy/index/index' },
  { key: 'flashsale', label: '秒杀', glyph: '秒', color: '#ff6a3d', url: FLASH_LIST_URL },
  { key: 'live', label: '直播', glyph: '播', color: '#7b61ff', url: LIVE_LIST_URL },
  { key: 'community', label: '社区团购', glyph: '团', color: '#2fa56a', url: '/packages/community/activities/index' }
]

export default function EntryTiles() {
  return (
    <View className='home__entries'>
      {ENTRIES.map((entry) => (
        <View key={entry.key} className='home__entry' data-testid={`entry-${entry.key}`} onClick={() => (entry.url ? openLink(entry.url) : showComingSoon())}>
          <View className='home__entry-icon' style={{ backgroundColor: entry.color }}>
            <Text>{entry.glyph}</Text>
          </View>
          <Text className='home__entry-label'>{entry.label}</Text>
        </View>
      ))}
    </View>
  )
}
