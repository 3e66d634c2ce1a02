import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { OPS_URL } from './links'
import './index.scss'

/** 我的 → 运营后台, shown to operators only (the server refuses everyone else anyway). */
export default function OpsEntry() {
  return (
    <View className='ops-entry' data-testid='me-entry-ops' onClick={() => void Taro.navigateTo({ url: OPS_URL })}>
      <View className='ops-entry__icon'>
        <Text>运</Text>
      </View>
      <View className='ops-entry__body'>
        <Text className='ops-entry__title'>运营后台</Text>
        <Text className='ops-entry__note'>秒杀、拼团活动的创建与实时数据</Text>
      </View>
      <Text className='ops-entry__arrow'>›</Text>
    </View>
  )
}

export { OPS_URL } from './links'
