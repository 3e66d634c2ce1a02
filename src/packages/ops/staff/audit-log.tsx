import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import StateView from '../../../components/state-view'
import type { StaffAuditEntryView } from '../../../core/contracts/staff'
import NoAccess from '../shared/no-access'
import { ACTION_LABELS, resultLabel } from './labels'
import type { AuditState } from './use-audit-log'

interface Props {
  state: AuditState
  onRetry: () => void
  onMore: () => void
}

/** 核销记录: who did what to what, with what result, when; 加载更多 at the foot. */
export default function AuditLog({ state, onRetry, onMore }: Props) {
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={onRetry} />
  if (state.items.length === 0) return <StateView state='empty' message='还没有核销记录' />
  return (
    <View className='staff-log'>
      {state.items.map((entry) => (
        <AuditRow key={entry.id} entry={entry} />
      ))}
      <View className='staff-log__foot' data-testid='staff-log-more' onClick={state.hasMore && state.more !== 'loading' ? onMore : undefined}>
        <Text>
          {!state.hasMore ? '没有更多了' : state.more === 'loading' ? '加载中…' : state.more === 'error' ? '加载失败，点此重试' : '加载更多'}
        </Text>
      </View>
    </View>
  )
}

function AuditRow({ entry }: { entry: StaffAuditEntryView }) {
  const result = resultLabel(entry.result)
  return (
    <View className='ops-row' data-testid={`staff-log-${entry.id}`}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{ACTION_LABELS[entry.action] ?? entry.action}</Text>
        <Text className={`ops-tag ops-tag--${result.tone}`}>{result.label}</Text>
      </View>
      <Text className='ops-row__line'>操作人 {entry.staffOpenid} · 门店 {entry.storeId}</Text>
      <Text className='ops-row__line'>对象 {entry.target}</Text>
      {entry.detail ? <Text className='ops-row__line'>{entry.detail}</Text> : null}
      <Text className='ops-row__line'>{dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}</Text>
    </View>
  )
}
