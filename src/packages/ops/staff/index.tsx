import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useMemo, useState } from 'react'
import StateView from '../../../components/state-view'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import AuditFilters, { type AuditFilterForm } from './audit-filters'
import AuditLog from './audit-log'
import { rangeOf } from './date-range'
import GrantForm from './grant-form'
import StaffList from './staff-list'
import { useAuditLog } from './use-audit-log'
import { useStaff } from './use-staff'
import '../shared/ops.scss'
import './index.scss'

type Tab = 'staff' | 'audit'
const TABS: Array<{ key: Tab; label: string }> = [
  { key: 'staff', label: '店员' },
  { key: 'audit', label: '审计日志' }
]

/** 店员与审计: staff per store (grant from pickers, revoke with confirm), and the audit log with its filters. */
export default function OpsStaffPage() {
  return (
    <OperatorGate>
      <OpsStaff />
    </OperatorGate>
  )
}

function OpsStaff() {
  const [tab, setTab] = useState<Tab>('staff')
  const staff = useStaff()
  const people = staff.state.status === 'ready' ? staff.state.data : null
  const [form, setForm] = useState<AuditFilterForm>({ kind: 'all', storeId: '', staffOpenid: '', preset: 'any', fromDay: '', toDay: '' })
  // Fixed per choice: a new `now` every render would ask the server again and again.
  const range = useMemo(() => rangeOf(form.preset, form.fromDay, form.toDay, Date.now()), [form.preset, form.fromDay, form.toDay])
  const log = useAuditLog({ kind: form.kind, storeId: form.storeId || undefined, staffOpenid: form.staffOpenid || undefined, ...range })

  usePullDownRefresh(() => {
    void Promise.all([staff.reload(), log.reload()]).finally(() => void Taro.stopPullDownRefresh())
  })
  if (staff.state.status === 'denied') return <NoAccess />

  return (
    <View className='ops-page staff-page'>
      <View className='staff-page__tabs'>
        {TABS.map((t) => (
          <Text
            key={t.key}
            className={`staff-page__tab${tab === t.key ? ' staff-page__tab--on' : ''}`}
            data-testid={`staff-tab-${t.key}`}
            onClick={() => setTab(t.key)}
          >
            {t.label}
          </Text>
        ))}
      </View>
      {tab === 'staff' ? (
        staff.state.status === 'loading' ? (
          <StateView state='loading' />
        ) : staff.state.status === 'error' ? (
          <StateView state='error' message={staff.state.message} onRetry={() => void staff.retry()} />
        ) : people ? (
          <View className='staff-page__columns'>
            <GrantForm
              stores={people.stores}
              onDone={() => {
                void staff.reload()
                void log.reload()
              }}
            />
            <View className='staff-page__list'>
              {people.stores.length === 0 ? <StateView state='empty' message='还没有门店，请先在门店管理中新建' /> : null}
              <StaffList
                stores={people.stores}
                onDone={() => {
                  void staff.reload()
                  void log.reload()
                }}
              />
            </View>
          </View>
        ) : null
      ) : (
        <View className='staff-page__columns'>
          <AuditFilters form={form} onChange={setForm} people={people} />
          <View className='staff-page__list'>
            <AuditLog state={log.state} onRetry={() => void log.retry()} onMore={() => void log.loadMore()} />
          </View>
        </View>
      )}
    </View>
  )
}
