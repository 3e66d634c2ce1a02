import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

export const STAFF_SCAN_URL = '/packages/staff/scan/index'

/** 我的 → 门店核销, shown to store staff only (the server refuses everyone else anyway). */
export default function StaffEntry() {
  return (
    <View className='staff-entry' data-testid='me-entry-staff' onClick={() => void Taro.navigateTo({ url: STAFF_SCAN_URL })}>
      <View className='staff-entry__icon'>
        <Text>核</Text>
      </View>
      <View className='staff-entry__body'>
        <Text className='staff-entry__title'>门店核销</Text>
        <Text className='staff-entry__note'>扫会员码记录消费、核销自提订单与优惠券</Text>
      </View>
      <Text className='staff-entry__arrow'>›</Text>
    </View>
  )
}
