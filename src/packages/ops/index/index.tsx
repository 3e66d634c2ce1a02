import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import StateView from '../../../components/state-view'
import type { StatsOverview } from '../../../core/contracts/stats'
import { formatPrice } from '../../../core/money'
import { STATS_RANGES, type StatsRange } from '../../../core/stats/range'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import KindBreakdown from './kind-breakdown'
import KpiCards from './kpi-cards'
import { kpisOf } from './kpis'
import { OPS_MENU } from './menu'
import TrendChart from './trend-chart'
import { useOverview } from './use-overview'
import '../shared/ops.scss'
import './index.scss'

const RANGE_LABELS: Record<StatsRange, string> = { today: '今日', '7d': '近 7 天', '30d': '近 30 天' }
const PREVIOUS_LABELS: Record<StatsRange, string> = { today: '较昨日', '7d': '较前 7 天', '30d': '较前 30 天' }

const go = (url: string) => void Taro.navigateTo({ url })

/** 运营概览: the operator area's home — figures of a range against the period before, the daily trend, sales by kind, and every section. */
export default function OpsDashboardPage() {
  return (
    <OperatorGate>
      <OpsDashboard />
    </OperatorGate>
  )
}

function OpsDashboard() {
  const [range, setRange] = useState<StatsRange>('today')
  const overview = useOverview(range)
  useRefreshOnShow(() => overview.reload())

  return (
    <View className='ops-page ops-dashboard'>
      <View className='ops-dashboard__ranges'>
        {STATS_RANGES.map((key) => (
          <Text
            key={key}
            className={`ops-dashboard__range${key === range ? ' ops-dashboard__range--on' : ''}`}
            data-testid={`ops-range-${key}`}
            onClick={() => setRange(key)}
          >
            {RANGE_LABELS[key]}
          </Text>
        ))}
      </View>
      <OverviewBody overview={overview} range={range} />
      <View className='ops-card'>
        <Text className='ops-card__title'>管理</Text>
        <View className='ops-menu'>
          {OPS_MENU.map((entry) => (
            <Text key={entry.key} className='ops-menu__item' data-testid={`ops-menu-${entry.key}`} onClick={() => go(entry.url)}>
              {entry.label}
            </Text>
          ))}
        </View>
      </View>
    </View>
  )
}

function OverviewBody({ overview, range }: { overview: ReturnType<typeof useOverview>; range: StatsRange }) {
  const { state } = overview
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void overview.retry()} />
  const data: StatsOverview = state.data
  // A range switch answers a different range: until then the figures shown are the old range's.
  const shown = data.range === range
  return (
    <View className={`ops-dashboard__body${shown ? '' : ' ops-dashboard__body--stale'}`} data-testid='ops-overview'>
      {state.stale ? <Text className='ops-stale'>数据更新失败，正在重试…</Text> : null}
      <Text className='ops-dashboard__period' data-testid='ops-period'>
        {data.from === data.to ? data.from : `${data.from} 至 ${data.to}`} · 退款 {formatPrice(data.refundFen)} · 净收入 {formatPrice(data.gmvFen - data.refundFen)}
      </Text>
      <KpiCards kpis={kpisOf(data, data.previous)} previousLabel={PREVIOUS_LABELS[data.range]} />
      <View className='ops-dashboard__panels'>
        <View className='ops-card ops-dashboard__panel'>
          <Text className='ops-card__title'>成交额与订单趋势</Text>
          {data.paidOrders === 0 && data.series.length > 1 ? <Text className='ops-dashboard__hint'>这段时间还没有支付订单</Text> : null}
          {/* One day is one point: 今日 draws yesterday beside it. */}
          <TrendChart series={data.range === 'today' ? [...data.previous.series, ...data.series] : data.series} />
        </View>
        <View className='ops-card ops-dashboard__panel'>
          <Text className='ops-card__title'>成交构成</Text>
          {data.gmvFen === 0 ? <StateView state='empty' message='这段时间还没有成交' /> : <KindBreakdown kinds={data.kinds} gmvFen={data.gmvFen} />}
        </View>
      </View>
    </View>
  )
}
