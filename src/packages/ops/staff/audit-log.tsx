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

/** 审计日志: who did what to what, where, with what result, when (names, not ids); 加载更多 at the foot. */
export default function AuditLog({ state, onRetry, onMore }: Props) {
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={onRetry} />
  if (state.items.length === 0) return <StateView state='empty' message='没有符合条件的记录' />
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
  const role = entry.action === 'grantStaff' || entry.action === 'revokeStaff'
  return (
    <View className='ops-row' data-testid={`staff-log-${entry.id}`}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{ACTION_LABELS[entry.action] ?? entry.action}</Text>
        <Text className={`ops-tag ops-tag--${result.tone}`}>{result.label}</Text>
      </View>
      {role ? (
        <Text className='ops-row__line'>
          {entry.staffName} {entry.action === 'grantStaff' ? '授予' : '撤销'} {entry.targetLabel} 在 {entry.storeName || '门店'} 的店员权限
        </Text>
      ) : (
        <>
          <Text className='ops-row__line'>
            操作人 {entry.staffName}
            {entry.storeName ? ` · 门店 ${entry.storeName}` : ''}
          </Text>
          {entry.targetLabel ? <Text className='ops-row__line'>对象 {entry.targetLabel}</Text> : null}
        </>
      )}
      {entry.detail ? <Text className='ops-row__line'>{entry.detail}</Text> : null}
      <Text className='ops-row__line'>{dayjs(entry.at).format('YYYY-MM-DD HH:mm:ss')}</Text>
    </View>
  )
}
