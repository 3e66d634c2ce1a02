import { Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import OpsChips from '../../../components/ops-chips'
import type { OrderSearchFilters } from '../../../core/contracts/order-ops'
import { ORDER_KIND_LABELS, ORDER_KINDS, type OrderKind } from '../../../core/order/kind'
import type { OrderStatus } from '../../../core/order/status'
import { customRange, DATE_PRESETS, presetRange, type DatePreset } from './date-range'

const STATUS_TABS: Array<{ value: OrderStatus | 'all'; label: string }> = [
  { value: 'all', label: '全部' },
  { value: 'PENDING_PAYMENT', label: '待支付' },
  { value: 'PAID', label: '待发货' },
  { value: 'SHIPPED', label: '已发货' },
  { value: 'READY_FOR_PICKUP', label: '待自提' },
  { value: 'COMPLETED', label: '已完成' },
  { value: 'REFUND_REQUESTED', label: '退款审核' },
  { value: 'REFUNDING', label: '退款中' },
  { value: 'REFUNDED', label: '已退款' },
  { value: 'CANCELLED', label: '已取消' }
]

const KIND_OPTIONS: Array<{ value: OrderKind | 'all'; label: string }> = [
  { value: 'all', label: '全部类型' },
  ...ORDER_KINDS.map((kind) => ({ value: kind, label: ORDER_KIND_LABELS[kind] }))
]

interface Props {
  filters: OrderSearchFilters
  stores: Array<{ storeId: string; name: string }>
  onApply: (filters: OrderSearchFilters) => void
}

/** 状态 tabs, then 类型, 时间 (今天 / 7天 / 30天 / 自定义), 门店 and the search box (订单号 / 取货码 / 手机号). */
export default function FilterBar({ filters, stores, onApply }: Props) {
  const [preset, setPreset] = useState<DatePreset>('all')
  const [fromText, setFromText] = useState('')
  const [toText, setToText] = useState('')
  const [rangeError, setRangeError] = useState<string | null>(null)
  const [text, setText] = useState(filters.q ?? '')

  const withDates = (next: DatePreset): OrderSearchFilters => {
    const { from: _from, to: _to, ...rest } = filters
    if (next === 'all' || next === 'custom') return rest
    return { ...rest, ...presetRange(next, Date.now()) }
  }
  const choosePreset = (next: DatePreset) => {
    setPreset(next)
    setRangeError(null)
    if (next !== 'custom') onApply(withDates(next))
  }
  const applyCustom = () => {
    const range = customRange(fromText, toText)
    if (!range) {
      setRangeError('请按 2026-01-31 的格式填写开始和结束日期，结束不早于开始')
      return
    }
    setRangeError(null)
    onApply({ ...filters, ...range })
  }
  const search = (q: string) => {
    const { q: _q, ...rest } = filters
    onApply(q.trim() ? { ...rest, q: q.trim() } : rest)
  }

  return (
    <View className='ops-orders__filters'>
      <View className='ops-orders__tabs'>
        {STATUS_TABS.map((tab) => {
          const on = (filters.status ?? 'all') === tab.value
          return (
            <Text
              key={tab.value}
              className={`ops-orders__tab${on ? ' ops-orders__tab--on' : ''}`}
              data-testid={`orders-status-${tab.value}`}
              onClick={() => {
                if (on) return
                const { status: _status, ...rest } = filters
                onApply(tab.value === 'all' ? rest : { ...rest, status: tab.value })
              }}
            >
              {tab.label}
            </Text>
          )
        })}
      </View>
      <View className='ops-orders__search'>
        <Input
          id='orders-search'
          className='ops-input ops-orders__search-input'
          value={text}
          placeholder='订单号 / 取货码 / 手机号'
          confirmType='search'
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => search(text)}
        />
        {filters.q ? (
          <Text
            className='ops-orders__search-clear'
            onClick={() => {
              setText('')
              search('')
            }}
          >
            清除
          </Text>
        ) : null}
        <Text className='ops-orders__search-go' data-testid='orders-search-go' onClick={() => search(text)}>
          搜索
        </Text>
      </View>
      <OpsChips
        name='orders-kind'
        scroll
        options={KIND_OPTIONS}
        value={filters.kind ?? 'all'}
        onChange={(kind) => {
          const { kind: _kind, ...rest } = filters
          onApply(kind === 'all' ? rest : { ...rest, kind })
        }}
      />
      <OpsChips name='orders-date' options={DATE_PRESETS} value={preset} onChange={choosePreset} scroll />
      {preset === 'custom' ? (
        <View className='ops-orders__custom'>
          <Picker mode='date' value={fromText} onChange={(e) => setFromText(e.detail.value)}>
            <Input id='orders-from' className='ops-input ops-orders__day' value={fromText} placeholder='开始日期' onInput={(e) => setFromText(e.detail.value)} />
          </Picker>
          <Text className='ops-orders__dash'>至</Text>
          <Picker mode='date' value={toText} onChange={(e) => setToText(e.detail.value)}>
            <Input id='orders-to' className='ops-input ops-orders__day' value={toText} placeholder='结束日期' onInput={(e) => setToText(e.detail.value)} />
          </Picker>
          <Text className='ops-orders__search-go' data-testid='orders-custom-go' onClick={applyCustom}>
            确定
          </Text>
        </View>
      ) : null}
      {rangeError ? <Text className='ops-orders__error'>{rangeError}</Text> : null}
      {stores.length > 0 ? (
        <OpsChips
          name='orders-store'
          scroll
          options={[{ value: 'all', label: '全部门店' }, ...stores.map((store) => ({ value: store.storeId, label: store.name }))]}
          value={filters.storeId ?? 'all'}
          onChange={(storeId) => {
            const { storeId: _storeId, ...rest } = filters
            onApply(storeId === 'all' ? rest : { ...rest, storeId })
          }}
        />
      ) : null}
    </View>
  )
}
