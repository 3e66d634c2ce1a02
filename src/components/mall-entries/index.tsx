import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import SectionTitle from '../section-title'
import { CLAIM_CENTER_URL, MALL_URL, MY_COUPONS_URL } from './links'
import './index.scss'

const ENTRIES = [
  { key: 'coupons', label: '我的优惠券', glyph: '券', url: MY_COUPONS_URL },
  { key: 'claim', label: '领券中心', glyph: '领', url: CLAIM_CENTER_URL },
  { key: 'mall', label: '积分商城', glyph: '积', url: MALL_URL }
]

/** 我的 → coupons and points: 我的优惠券, 领券中心, 积分商城. */
export default function MallEntries() {
  return (
    <View className='mall-entries'>
      <SectionTitle title='优惠与积分' />
      <View className='mall-entries__row'>
        {ENTRIES.map((entry) => (
          <View key={entry.key} className='mall-entries__item' data-testid={`me-entry-${entry.key}`} onClick={() => void Taro.navigateTo({ url: entry.url })}>
            <View className='mall-entries__icon'>
              <Text>{entry.glyph}</Text>
            </View>
            <Text className='mall-entries__label'>{entry.label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export { CLAIM_CENTER_URL, MALL_URL, MY_COUPONS_URL } from './links'
