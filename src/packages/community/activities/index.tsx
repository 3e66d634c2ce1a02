import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import { call } from '../../../api'
import CloudImage from '../../../components/cloud-image'
import Price from '../../../components/price'
import Skeleton from '../../../components/skeleton'
import StateView from '../../../components/state-view'
import { pickupDateLabel } from '../../../core/community/activity'
import type { CommunityActivityCard } from '../../../core/contracts/community'
import { HOME_URL } from '../../../utils/routes'
import { useAsync } from '../../../utils/use-async'
import { shanghaiTime } from '../shared/format'
import { communityActivityUrl, LEADER_URL } from '../shared/links'
import '../shared/community.scss'
import './index.scss'

/** 社区团购: the activities taking orders, soonest cut-off first; each opens its products and the pickup point picker. */
export default function CommunityActivitiesPage() {
  const load = useCallback(() => call('community', 'activities', {}), [])
  const list = useAsync(load)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })

  return (
    <View className='cm-page cm-activities'>
      <View className='cm-activities__banner'>
        <Text className='cm-activities__banner-title'>社区团购 · 邻里拼单</Text>
        <Text className='cm-activities__banner-note'>截单前下单，次日到团长自提点凭取货码取货</Text>
      </View>
      {list.status === 'loading' ? <Skeleton layout='list' /> : null}
      {list.status === 'error' ? <StateView state='error' message={list.message} onRetry={() => void list.reload()} /> : null}
      {list.status === 'ready' && list.data.length === 0 ? (
        <StateView state='empty' message='本期团购还没开始，晚点再来看看' actionText='去首页逛逛' onAction={() => void Taro.switchTab({ url: HOME_URL })} />
      ) : null}
      {list.status === 'ready'
        ? list.data.map((activity) => <ActivityCard key={activity.activityId} activity={activity} />)
        : null}
      <View className='cm-card cm-activities__leader' data-testid='community-leader-link' onClick={() => void Taro.navigateTo({ url: LEADER_URL })}>
        <View className='cm-activities__leader-body'>
          <Text className='cm-card__title'>我是团长</Text>
          <Text className='cm-card__line'>申请成为团长，或查看今日待取货订单</Text>
        </View>
        <Text className='cm-activities__arrow'>›</Text>
      </View>
    </View>
  )
}

function ActivityCard({ activity }: { activity: CommunityActivityCard }) {
  const open = () => void Taro.navigateTo({ url: communityActivityUrl(activity.activityId) })
  const notStarted = activity.closedReason === 'NOT_STARTED'
  return (
    <View className='cm-card cm-activity-card' data-testid={`community-activity-${activity.activityId}`} onClick={open}>
      <View className='cm-activity-card__head'>
        <Text className='cm-activity-card__title'>{activity.title}</Text>
        <Text className={`cm-tag${notStarted ? ' cm-tag--off' : ''}`}>{notStarted ? '即将开始' : '进行中'}</Text>
      </View>
      <View className='cm-activity-card__images'>
        {activity.images.map((image) => (
          <CloudImage key={image} className='cm-activity-card__image' src={image} mode='aspectFill' />
        ))}
      </View>
      <View className='cm-activity-card__foot'>
        <View className='cm-activity-card__times'>
          <Text className='cm-card__line'>{`截单 ${shanghaiTime(activity.cutoffAt)}`}</Text>
          <Text className='cm-card__line'>{`${pickupDateLabel(activity.pickupDate)} 自提 · 共 ${activity.itemCount} 款`}</Text>
        </View>
        <View className='cm-activity-card__price'>
          <Price fen={activity.fromPrice} size='lg' />
          <Text className='cm-card__line'>起</Text>
        </View>
      </View>
    </View>
  )
}
