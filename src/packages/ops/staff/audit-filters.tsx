import { Input, Text, View } from '@tarojs/components'
import OpsChips from '../../../components/ops-chips'
import { AUDIT_LOG_KINDS, type AuditLogKind } from '../../../core/contracts/staff'
import type { ListStaffResult } from '../../../core/contracts/staff-admin'
import { AUDIT_KIND_LABELS } from './labels'
import { DATE_PRESETS, type DatePreset } from './date-range'

export interface AuditFilterForm {
  kind: AuditLogKind
  storeId: string
  staffOpenid: string
  preset: DatePreset
  /** YYYY-MM-DD, for the 自定义 range. */
  fromDay: string
  toDay: string
}

interface Props {
  form: AuditFilterForm
  onChange: (next: AuditFilterForm) => void
  people: ListStaffResult | null
}

const ALL = ''

/** The audit log's filters: kind (role changes have their own), store, who acted, and the date range. */
export default function AuditFilters({ form, onChange, people }: Props) {
  const set = <K extends keyof AuditFilterForm>(key: K, value: AuditFilterForm[K]) => onChange({ ...form, [key]: value })
  const stores = people?.stores ?? []
  const actors = new Map<string, string>()
  for (const store of stores) for (const person of store.staff) actors.set(person.openid, person.nickname)
  for (const person of people?.operators ?? []) actors.set(person.openid, `${person.nickname}（运营）`)
  return (
    <View className='ops-card staff-filters'>
      <OpsChips name='audit-kind' options={AUDIT_LOG_KINDS.map((kind) => ({ value: kind, label: AUDIT_KIND_LABELS[kind] }))} value={form.kind} onChange={(v) => set('kind', v)} />
      <Text className='staff-filters__label'>门店</Text>
      <OpsChips name='audit-store' options={[{ value: ALL, label: '全部门店' }, ...stores.map((s) => ({ value: s.storeId, label: s.name }))]} value={form.storeId} onChange={(v) => set('storeId', v)} />
      <Text className='staff-filters__label'>操作人</Text>
      <OpsChips
        name='audit-actor'
        options={[{ value: ALL, label: '全部人员' }, ...[...actors].map(([openid, name]) => ({ value: openid, label: name }))]}
        value={form.staffOpenid}
        onChange={(v) => set('staffOpenid', v)}
      />
      <Text className='staff-filters__label'>日期</Text>
      <OpsChips name='audit-date' options={DATE_PRESETS} value={form.preset} onChange={(v) => set('preset', v)} />
      {form.preset === 'custom' ? (
        <View className='staff-filters__range'>
          <Input id='audit-from' className='ops-input staff-filters__day' value={form.fromDay} placeholder='开始 2026-01-01' maxlength={10} onInput={(e) => set('fromDay', e.detail.value)} />
          <Text className='staff-filters__dash'>至</Text>
          <Input id='audit-to' className='ops-input staff-filters__day' value={form.toDay} placeholder='结束 2026-01-31' maxlength={10} onInput={(e) => set('toDay', e.detail.value)} />
        </View>
      ) : null}
    </View>
  )
}
