import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import { call, toastError } from '../../../api'
import GroupActivityCard from '../../../components/group-activity-card'
import StateView from '../../../components/state-view'
import Skeleton from '../../../components/skeleton'
import { HOME_URL } from '../../../utils/routes'
import { useAsync } from '../../../utils/use-async'
import { activityUrl } from '../shared/links'
import './index.scss'

/** 拼团: the group-buy activities on now, each opening its detail. */
export default function GroupBuyListPage() {
  const load = useCallback(() => call('groupbuy', 'listActivities', { view: 'customer' }), [])
  const list = useAsync(load)
  const shown = useRef(false)

  // Coming back: prices and activities may have changed meanwhile.
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })

  if (list.status === 'loading') return <Skeleton layout='list' />
  if (list.status === 'error') return <StateView state='error' message={list.message} onRetry={() => void list.reload()} />

  const items = list.data.items.filter((a) => a.phase === 'ACTIVE')
  const open = (activityId: string) => {
    void Taro.navigateTo({ url: activityUrl(activityId) }).catch(toastError)
  }

  return (
    <View className='groupbuy-list'>
      <View className='groupbuy-list__banner'>
        <Text className='groupbuy-list__banner-title'>好友拼团 · 一起更划算</Text>
        <Text className='groupbuy-list__banner-note'>开团或参团后支付，凑满人数即成团；未成团自动原路退款</Text>
      </View>
      {items.length === 0 ? (
        <StateView state='empty' message='暂时没有进行中的拼团，稍后再来看看' actionText='去首页逛逛' onAction={() => void Taro.switchTab({ url: HOME_URL })} />
      ) : (
        <View className='groupbuy-list__items'>
          {items.map((activity) => (
            <View key={activity.activityId} className='groupbuy-list__item'>
              <GroupActivityCard
                activityId={activity.activityId}
                title={activity.title}
                image={activity.image}
                skuName={activity.skuName}
                groupPrice={activity.groupPrice}
                listPrice={activity.listPrice}
                groupSize={activity.groupSize}
                onClick={open}
              />
            </View>
          ))}
          <Text className='groupbuy-list__end'>没有更多了</Text>
        </View>
      )}
    </View>
  )
}
