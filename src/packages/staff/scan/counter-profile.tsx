import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useCallback } from 'react'
import { call } from '../../../api'
import { useAsync } from '../../../utils/use-async'

/**
 * 会员画像 (slim) of the member at the counter: stage, RFM class, tags, last
 * purchase and favourite categories, so staff can serve them well. The server
 * answers only while this staff member has an open counter session with them;
 * when it cannot be read the card stays out of the way.
 */
export default function CounterProfile({ sessionId, storeId }: { sessionId: string; storeId: string }) {
  const load = useCallback(() => call('crm', 'counterProfile', { sessionId, storeId }), [sessionId, storeId])
  const profile = useAsync(load)
  if (profile.status !== 'ready') return null
  const p = profile.data
  return (
    <View className='staff-profile' data-testid='staff-counter-profile'>
      <View className='staff-profile__badges'>
        <Text className='staff-profile__badge staff-profile__badge--stage'>{p.lifecycle}</Text>
        <Text className='staff-profile__badge'>{p.rfmClass}</Text>
        {p.tags.slice(0, 4).map((tag) => (
          <Text key={tag} className='staff-profile__badge staff-profile__badge--tag'>
            {tag}
          </Text>
        ))}
      </View>
      <Text className='staff-profile__line'>
        {p.lastPaidAt ? `最近消费 ${dayjs(p.lastPaidAt).format('YYYY-MM-DD')}` : '还没有消费记录'} · 共 {p.netOrders} 单
      </Text>
      {p.topCategories.length ? <Text className='staff-profile__line'>常买：{p.topCategories.slice(0, 3).join('、')}</Text> : null}
    </View>
  )
}
