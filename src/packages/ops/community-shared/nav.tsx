import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { OPS_COMMUNITY_ACTIVITIES_URL, OPS_COMMUNITY_LEADERS_URL, OPS_COMMUNITY_SALES_URL } from './links'
import './community.scss'

const TABS = [
  { key: 'leaders', label: '团长审核', url: OPS_COMMUNITY_LEADERS_URL },
  { key: 'activities', label: '团购活动', url: OPS_COMMUNITY_ACTIVITIES_URL },
  { key: 'sales', label: '销售与结算', url: OPS_COMMUNITY_SALES_URL },
] as const

/** The three community sections, one on: switching replaces the page (no deep back stack). */
export default function CommunityNav({ current }: { current: (typeof TABS)[number]['key'] }) {
  return (
    <View className='ops-cm-nav'>
      {TABS.map((tab) => (
        <Text
          key={tab.key}
          className={`ops-cm-nav__tab${tab.key === current ? ' ops-cm-nav__tab--on' : ''}`}
          data-testid={`ops-community-tab-${tab.key}`}
          onClick={() => tab.key !== current && void Taro.redirectTo({ url: tab.url })}
        >
          {tab.label}
        </Text>
      ))}
    </View>
  )
}
