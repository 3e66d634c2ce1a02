import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import { pickupDateLabel } from '../../../core/community/activity'
import type { AdminActivityView } from '../../../core/contracts/community'
import { formatPrice } from '../../../core/money'
import { useAsync } from '../../../utils/use-async'
import CommunityNav from '../community-shared/nav'
import { bpsText, shanghaiShort } from '../community-shared/format'
import { opsCommunityActivityFormUrl } from '../community-shared/links'
import OperatorGate from '../shared/operator-gate'
import '../shared/ops.scss'
import '../community-shared/community.scss'

const loadActivities = () => call('community', 'adminActivities', {})
const STATE: Record<string, { label: string; tag: string }> = {
  OPEN: { label: '接单中', tag: 'live' },
  NOT_STARTED: { label: '未开始', tag: 'scheduled' },
  CUT_OFF: { label: '已截单', tag: 'done' },
  CLOSED: { label: '已关闭', tag: 'off' },
}

/** 团购活动: every community activity by cut-off (newest first), its window, pickup day and rate; 新建 and tap-to-edit. */
export default function OpsCommunityActivitiesPage() {
  return (
    <OperatorGate>
      <OpsCommunityActivities />
    </OperatorGate>
  )
}

function OpsCommunityActivities() {
  const list = useAsync(loadActivities)
  // Back from the form: show what was saved (under the gate the page's first show has already passed).
  useDidShow(() => void list.reload())
  usePullDownRefresh(() => {
    void list.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  const open = (activityId?: string) => void Taro.navigateTo({ url: opsCommunityActivityFormUrl(activityId) })

  return (
    <View className='ops-page'>
      <CommunityNav current='activities' />
      {list.status === 'loading' ? <StateView state='loading' /> : null}
      {list.status === 'error' ? <StateView state='error' message={list.message} onRetry={() => void list.reload()} /> : null}
      {list.status === 'ready' && list.data.length === 0 ? <StateView state='empty' message='还没有社区团购活动' actionText='新建活动' onAction={() => open()} /> : null}
      {list.status === 'ready' ? list.data.map((activity) => <ActivityRow key={activity.activityId} activity={activity} onOpen={() => open(activity.activityId)} />) : null}
      <View className='ops-bar'>
        <Button className='ops-bar__button' data-testid='community-activity-new' onClick={() => open()}>
          新建活动
        </Button>
      </View>
    </View>
  )
}

function ActivityRow({ activity, onOpen }: { activity: AdminActivityView; onOpen: () => void }) {
  const state = STATE[activity.closedReason ?? 'OPEN']
  return (
    <View className='ops-card' data-testid={`ops-community-activity-${activity.activityId}`} onClick={onOpen}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{activity.title}</Text>
        <Text className={`ops-tag ops-tag--${state.tag}`}>{state.label}</Text>
      </View>
      <Text className='ops-row__line'>{`${shanghaiShort(activity.startAt)} 开始 · ${shanghaiShort(activity.cutoffAt)} 截单 · ${pickupDateLabel(activity.pickupDate)} 自提`}</Text>
      <Text className='ops-row__line'>{`团长佣金 ${bpsText(activity.commissionBps)} · ${activity.items.length} 款商品`}</Text>
      <Text className='ops-row__line'>
        {activity.items
          .slice(0, 3)
          .map((item) => `${item.productName}·${item.skuName} ${formatPrice(item.price ?? item.skuPrice)}`)
          .join('；')}
      </Text>
    </View>
  )
}
