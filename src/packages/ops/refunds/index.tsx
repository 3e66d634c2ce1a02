import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import StateView from '../../../components/state-view'
import { serverNow } from '../../../components/order-countdown'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import { useLive } from '../shared/use-live'
import RefundRow from './refund-row'
import RejectSheet from './reject-sheet'
import { useReview } from './use-review'
import '../../../components/ops-chips/index.scss'
import '../shared/ops.scss'
import './index.scss'

type Tab = 'pending' | 'decided'
const TABS = [
  { value: 'pending' as const, label: '待处理' },
  { value: 'decided' as const, label: '已处理' },
]
const PAGE_SIZE = 50

/** 退款审核: pending requests oldest first (age, auto-approve countdown), approve or reject with a reason; and those decided. */
export default function OpsRefundsPage() {
  return (
    <OperatorGate>
      <OpsRefunds />
    </OperatorGate>
  )
}

function OpsRefunds() {
  const [tab, setTab] = useState<Tab>('pending')
  const load = useCallback(() => call('order', 'listRefundRequests', { tab, page: 0, pageSize: PAGE_SIZE }), [tab])
  // Pending requests change under the operator (new ones, auto-approvals): refreshed every minute.
  const { state, reload, retry } = useLive(load, tab === 'pending' ? 60_000 : null)
  const review = useReview(reload)
  useRefreshOnShow(reload)

  const mounted = useRef(false)
  useEffect(() => {
    // useLive reads on mount; a tab switch reads the other list, showing loading meanwhile.
    if (mounted.current) void retry()
    mounted.current = true
  }, [tab, retry])
  const switchTab = (next: Tab) => setTab(next)

  let body
  if (state.status === 'loading') body = <StateView state='loading' />
  else if (state.status === 'denied') return <NoAccess />
  else if (state.status === 'error') body = <StateView state='error' message={state.message} onRetry={() => void retry()} />
  else if (state.data.items.length === 0) body = <StateView state='empty' message={tab === 'pending' ? '没有待处理的退款申请' : '还没有处理过的退款申请'} />
  else {
    const now = serverNow()
    body = (
      <View className='ops-refunds__list'>
        {state.stale ? <Text className='ops-stale'>刷新失败，显示的是之前的数据</Text> : null}
        {tab === 'pending' ? (
          <Text className='ops-refunds__note'>申请提交 {state.data.autoApproveHours} 小时内未处理将自动同意退款</Text>
        ) : null}
        {state.data.items.map((row) => (
          <RefundRow key={`${row.orderId}-${row.attempt}`} row={row} now={now} busy={review.busy} onApprove={(r) => void review.approve(r)} onReject={review.startReject} />
        ))}
        {state.data.hasMore ? <Text className='ops-refunds__note'>仅显示前 {PAGE_SIZE} 条，处理后下拉刷新查看更多</Text> : null}
      </View>
    )
  }

  return (
    <View className='ops-page ops-refunds'>
      <View className='ops-refunds__tabs'>
        <OpsChips name='refund-tab' options={TABS} value={tab} onChange={switchTab} />
      </View>
      {body}
      <RejectSheet row={review.rejecting} pending={review.busy} onSubmit={(reason) => void review.reject(reason)} onClose={review.closeReject} />
    </View>
  )
}
