import { Input, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { call, toastError } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import StateView from '../../../components/state-view'
import type { AdminLeaderView } from '../../../core/contracts/community'
import type { LeaderStatus } from '../../../core/community/leader'
import { useAsync } from '../../../utils/use-async'
import CommunityNav from '../community-shared/nav'
import { previousMonth, shanghaiShort } from '../community-shared/format'
import { opsCommunityStatementUrl } from '../community-shared/links'
import OperatorGate from '../shared/operator-gate'
import '../shared/ops.scss'
import '../community-shared/community.scss'

type Filter = LeaderStatus | 'ALL'
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: 'APPLIED', label: '待审核' },
  { value: 'APPROVED', label: '已通过' },
  { value: 'SUSPENDED', label: '已暂停' },
  { value: 'REJECTED', label: '已驳回' },
  { value: 'ALL', label: '全部' },
]
const TAG: Record<LeaderStatus, string> = { APPLIED: 'scheduled', APPROVED: 'live', SUSPENDED: 'off', REJECTED: 'done' }

/** 团长审核: applications and leaders by status; approve, reject or suspend (with a reason), resume; each leader's 月结单. */
export default function OpsCommunityLeadersPage() {
  return (
    <OperatorGate>
      <OpsCommunityLeaders />
    </OperatorGate>
  )
}

function OpsCommunityLeaders() {
  const [filter, setFilter] = useState<Filter>('APPLIED')
  const load = useCallback(() => call('community', 'leaders', filter === 'ALL' ? {} : { status: filter }), [filter])
  const leaders = useAsync(load, false)
  // The filter's list; coming back to the page, the list again (a leader may have changed).
  useEffect(() => void leaders.reload(), [filter])
  useDidShow(() => void leaders.reload())
  usePullDownRefresh(() => {
    void leaders.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  const changeFilter = (next: Filter) => setFilter(next)

  return (
    <View className='ops-page'>
      <CommunityNav current='leaders' />
      <View className='ops-card'>
        <OpsChips name='leader-filter' options={FILTERS} value={filter} onChange={changeFilter} />
      </View>
      {leaders.status === 'loading' ? <StateView state='loading' /> : null}
      {leaders.status === 'error' ? <StateView state='error' message={leaders.message} onRetry={() => void leaders.reload()} /> : null}
      {leaders.status === 'ready' && leaders.data.length === 0 ? <StateView state='empty' message='没有这个状态的团长' /> : null}
      {leaders.status === 'ready' ? leaders.data.map((leader) => <LeaderRow key={leader.leaderId} leader={leader} onChanged={() => void leaders.reload()} />) : null}
    </View>
  )
}

function LeaderRow({ leader, onChanged }: { leader: AdminLeaderView; onChanged: () => void }) {
  const [asking, setAsking] = useState<'reject' | 'suspend' | null>(null)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)

  const review = async (event: 'approve' | 'reject' | 'suspend' | 'resume', why = '') => {
    if (busy) return
    if ((event === 'reject' || event === 'suspend') && !why.trim()) return void Taro.showToast({ title: '请填写原因', icon: 'none' })
    setBusy(true)
    try {
      await call('community', 'reviewLeader', { leaderId: leader.leaderId, event, reason: why.trim() })
      void Taro.showToast({ title: { approve: '已通过', reject: '已驳回', suspend: '已暂停', resume: '已恢复' }[event], icon: 'success' })
      setAsking(null)
      setReason('')
      onChanged()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  const { point } = leader
  return (
    <View className='ops-card' data-testid={`ops-leader-${leader.leaderId}`}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{point.name}</Text>
        <Text className={`ops-tag ops-tag--${TAG[leader.status]}`}>{leader.statusLabel}</Text>
      </View>
      <Text className='ops-row__line'>{`团长 ${leader.realName} · ${point.phone}`}</Text>
      <Text className='ops-row__line'>{point.address}</Text>
      <Text className='ops-row__line'>{`取货 ${point.hours.open}–${point.hours.close} · 位置 ${point.location.latitude.toFixed(4)}, ${point.location.longitude.toFixed(4)}`}</Text>
      <Text className='ops-row__line'>{`申请于 ${shanghaiShort(leader.appliedAt)}${leader.reason ? ` · 原因：${leader.reason}` : ''}`}</Text>
      <View className='ops-cm-actions'>
        {leader.status === 'APPLIED' ? (
          <>
            <Text className='ops-cm-actions__button' data-testid='leader-approve' onClick={() => void review('approve')}>
              通过
            </Text>
            <Text className='ops-cm-actions__button ops-cm-actions__button--danger' data-testid='leader-reject' onClick={() => setAsking('reject')}>
              驳回
            </Text>
          </>
        ) : null}
        {leader.status === 'APPROVED' ? (
          <Text className='ops-cm-actions__button ops-cm-actions__button--danger' data-testid='leader-suspend' onClick={() => setAsking('suspend')}>
            暂停
          </Text>
        ) : null}
        {leader.status === 'SUSPENDED' ? (
          <Text className='ops-cm-actions__button' data-testid='leader-resume' onClick={() => void review('resume')}>
            恢复
          </Text>
        ) : null}
        {leader.status === 'APPROVED' || leader.status === 'SUSPENDED' ? (
          <Text className='ops-cm-actions__button' onClick={() => void Taro.navigateTo({ url: opsCommunityStatementUrl(leader.leaderId, previousMonth()) })}>
            月结单
          </Text>
        ) : null}
      </View>
      {asking ? (
        <View className='ops-cm-reason'>
          <Input className='ops-input' value={reason} placeholder={asking === 'reject' ? '驳回原因（申请人可见）' : '暂停原因（团长可见）'} onInput={(e) => setReason(e.detail.value)} />
          <Text className='ops-cm-actions__button ops-cm-actions__button--danger' data-testid='leader-reason-confirm' onClick={() => void review(asking, reason)}>
            确认
          </Text>
          <Text className='ops-cm-actions__button' onClick={() => setAsking(null)}>
            取消
          </Text>
        </View>
      ) : null}
    </View>
  )
}
