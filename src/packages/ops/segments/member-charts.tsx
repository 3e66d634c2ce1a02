import { Text, View } from '@tarojs/components'
import type { MemberCharts as Charts } from '../../../core/contracts/crm'
import { LIFECYCLE_STAGES } from '../../../core/crm/lifecycle'
import OpsChart from '../shared/ops-chart'
import { barOptions, lineOptions } from '../shared/crm/chart-options'

/** `2026-03-05` → `3/5`; `2026-03` → `26/3`. */
const dayLabel = (day: string): string => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`
const monthLabel = (month: string): string => `${month.slice(2, 4)}/${Number(month.slice(5, 7))}`

/** The member base: RFM class distribution, lifecycle stages over time, repeat-purchase rate by cohort month. */
export default function MemberCharts({ charts }: { charts: Charts }) {
  const rfm = charts.rfm.filter((r) => r.count > 0 || r.class !== '未消费')
  const history = charts.lifecycleHistory
  const cohorts = charts.cohorts
  return (
    <View className='crm-charts' data-testid='segment-charts'>
      <View className='ops-card crm-charts__panel'>
        <Text className='ops-card__title'>RFM 分布（共 {charts.total} 位会员）</Text>
        <OpsChart className='crm-chart'
          id='crm-rfm-chart'
          dataKey={rfm.map((r) => `${r.class}:${r.count}`).join('|')}
          empty={charts.total === 0}
          options={(c) => barOptions(c, rfm.map((r) => r.class), [{ name: '会员数', data: rfm.map((r) => r.count) }])}
        />
      </View>
      <View className='ops-card crm-charts__panel'>
        <Text className='ops-card__title'>生命周期变化</Text>
        {history.length < 2 ? (
          <View className='crm-stage-now'>
            {charts.lifecycle.map((s) => (
              <View key={s.stage} className='crm-stage-now__item'>
                <Text className='crm-stage-now__value'>{s.count}</Text>
                <Text className='crm-stage-now__label'>{s.stage}</Text>
              </View>
            ))}
            <Text className='crm-hint'>每日重新评分后记录一次，满两天后显示变化曲线。</Text>
          </View>
        ) : (
          <OpsChart className='crm-chart'
            id='crm-lifecycle-chart'
            dataKey={history.map((h) => `${h.day}:${LIFECYCLE_STAGES.map((s) => h.counts[s]).join(',')}`).join('|')}
            options={(c) =>
              lineOptions(
                c,
                history.map((h) => dayLabel(h.day)),
                LIFECYCLE_STAGES.map((stage) => ({ name: stage, data: history.map((h) => h.counts[stage] ?? 0) })),
                { area: true }
              )
            }
          />
        )}
      </View>
      <View className='ops-card crm-charts__panel'>
        <Text className='ops-card__title'>复购率（按首单月份）</Text>
        <OpsChart className='crm-chart'
          id='crm-cohort-chart'
          dataKey={cohorts.map((c) => `${c.month}:${c.members}:${c.repeaters}`).join('|')}
          empty={cohorts.length === 0}
          emptyText='还没有首单'
          options={(c) => barOptions(c, cohorts.map((k) => monthLabel(k.month)), [{ name: '复购率', data: cohorts.map((k) => Math.round(k.repeatRate * 1000) / 10) }], { percent: true })}
        />
      </View>
    </View>
  )
}
