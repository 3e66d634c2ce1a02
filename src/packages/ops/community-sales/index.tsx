import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import OpsStatGrid from '../../../components/ops-stat-grid'
import StateView from '../../../components/state-view'
import type { SalesRow } from '../../../core/contracts/community'
import { formatPrice } from '../../../core/money'
import { useAsync } from '../../../utils/use-async'
import CommunityNav from '../community-shared/nav'
import { previousMonth } from '../community-shared/format'
import { opsCommunityStatementUrl } from '../community-shared/links'
import OperatorGate from '../shared/operator-gate'
import '../shared/ops.scss'
import '../community-shared/community.scss'

/** 销售与结算: paid orders, GMV and refunds per activity (latest 30) and per leader; a leader opens their 月结单. */
export default function OpsCommunitySalesPage() {
  return (
    <OperatorGate>
      <OpsCommunitySales />
    </OperatorGate>
  )
}

function OpsCommunitySales() {
  const load = useCallback(() => call('community', 'sales', {}), [])
  const sales = useAsync(load)
  usePullDownRefresh(() => {
    void sales.reload().finally(() => void Taro.stopPullDownRefresh())
  })

  return (
    <View className='ops-page'>
      <CommunityNav current='sales' />
      {sales.status === 'loading' ? <StateView state='loading' /> : null}
      {sales.status === 'error' ? <StateView state='error' message={sales.message} onRetry={() => void sales.reload()} /> : null}
      {sales.status === 'ready' ? (
        <>
          <View className='ops-card' data-testid='community-sales-totals'>
            <OpsStatGrid
              stats={[
                { key: 'orders', label: '支付订单', value: sales.data.totals.orders },
                { key: 'gmv', label: '销售额', value: formatPrice(sales.data.totals.gmvFen), tone: 'accent' },
                { key: 'refunded', label: '已退款', value: formatPrice(sales.data.totals.refundedFen), tone: 'bad' },
              ]}
            />
          </View>
          <SalesTable title='按活动' rows={sales.data.byActivity} testId='community-sales-activities' />
          <SalesTable
            title='按团长（点击查看上月结算单）'
            rows={sales.data.byLeader}
            testId='community-sales-leaders'
            onOpen={(key) => void Taro.navigateTo({ url: opsCommunityStatementUrl(key, previousMonth()) })}
          />
        </>
      ) : null}
    </View>
  )
}

function SalesTable({ title, rows, testId, onOpen }: { title: string; rows: SalesRow[]; testId: string; onOpen?: (key: string) => void }) {
  return (
    <View className='ops-card ops-cm-table' data-testid={testId}>
      <Text className='ops-card__title'>{title}</Text>
      {rows.length === 0 ? <StateView state='empty' message='暂无销售' /> : null}
      {rows.length > 0 ? (
        <View className='ops-cm-table__row ops-cm-table__head'>
          <Text className='ops-cm-table__name'>名称</Text>
          <Text className='ops-cm-table__num'>订单</Text>
          <Text className='ops-cm-table__num'>件数</Text>
          <Text className='ops-cm-table__num'>销售额</Text>
        </View>
      ) : null}
      {rows.map((row) => (
        <View key={row.key} className='ops-cm-table__row' data-testid={`${testId}-${row.key}`} onClick={() => onOpen?.(row.key)}>
          <Text className='ops-cm-table__name'>{row.label}</Text>
          <Text className='ops-cm-table__num'>{row.orders}</Text>
          <Text className='ops-cm-table__num'>{row.units}</Text>
          <Text className='ops-cm-table__num'>
            {formatPrice(row.gmvFen)}
            {row.refundedFen > 0 ? `\n退 ${formatPrice(row.refundedFen)}` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
