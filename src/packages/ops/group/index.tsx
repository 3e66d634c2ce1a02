import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import StateView from '../../../components/state-view'
import OpsStatGrid from '../../../components/ops-stat-grid'
import { opsGroupFormUrl } from '../../../components/ops-entry/links'
import { formatPrice } from '../../../core/money'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import { PHASE_LABELS } from '../shared/labels'
import ActivityFacts from './activity-facts'
import OpenGroups from './open-groups'
import { useActivityLive } from './use-activity-live'
import { useStopActivity } from './use-stop-activity'
import '../shared/ops.scss'
import './index.scss'

/** The live view of one group-buy activity: groups open / succeeded / failed, members paid; 编辑 / 停止. */
export default function OpsGroupPage() {
  return (
    <OperatorGate>
      <OpsGroup />
    </OperatorGate>
  )
}

function OpsGroup() {
  const activityId = (useRouter().params.id ?? '').trim()
  const live = useActivityLive(activityId)
  const reload = useCallback(() => live.reload(), [live.reload])
  const { stop, pending } = useStopActivity(activityId, reload)

  useRefreshOnShow(reload)

  const { state } = live
  if (!activityId) return <StateView state='error' message='缺少活动编号' />
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void live.retry()} />

  const { activity, openGroups } = state.data.detail
  const { stats, phase } = state.data.stats
  const label = PHASE_LABELS[phase]
  const running = phase === 'SCHEDULED' || phase === 'ACTIVE'

  return (
    <View className={`ops-page ops-group${running ? '' : ' ops-group--closed'}`}>
      {state.stale ? <Text className='ops-stale'>实时数据更新失败，正在重试…</Text> : null}
      <View className='ops-card'>
        <View className='ops-group__title-row'>
          <Text className='ops-group__title'>{activity.title}</Text>
          <Text className={`ops-tag ops-tag--${label.tone}`} data-testid='ops-activity-phase'>
            {label.label}
          </Text>
        </View>
        <OpsStatGrid
          stats={[
            { key: 'open', label: '拼团中', value: stats.groupsOpen, tone: 'accent' },
            { key: 'succeeded', label: '已成团', value: stats.groupsSucceeded, tone: 'good' },
            { key: 'failed', label: '已失败', value: stats.groupsFailed, tone: 'bad' },
            { key: 'virtual', label: '模拟成团', value: stats.groupsSucceededVirtual },
            { key: 'revenue', label: '成交额', value: formatPrice(stats.paidFen ?? 0), tone: 'accent' },
            { key: 'buyers', label: '支付人数', value: stats.paidBuyers ?? stats.paidMembers, tone: 'good' },
            { key: 'paid', label: '已付席位', value: stats.paidMembers },
            { key: 'refunded', label: '已退款人数', value: stats.refundedMembers }
          ]}
        />
        {stats.groupsPending > 0 ? <Text className='ops-group__pending'>另有 {stats.groupsPending} 个团等待团长付款</Text> : null}
      </View>
      <OpenGroups groups={openGroups} onTimeUp={() => void reload()} />
      <ActivityFacts activity={activity} />

      {running ? (
        <View className='ops-bar'>
          <Button className='ops-bar__button ops-bar__button--ghost' data-testid='ops-activity-edit' onClick={() => void Taro.navigateTo({ url: opsGroupFormUrl(activity.activityId) })}>
            编辑
          </Button>
          <Button
            className={`ops-bar__button ops-bar__button--dark${pending ? ' ops-bar__button--off' : ''}`}
            data-testid='ops-activity-stop'
            disabled={pending || undefined}
            loading={pending}
            onClick={() => void stop()}
          >
            停止
          </Button>
        </View>
      ) : null}
    </View>
  )
}
