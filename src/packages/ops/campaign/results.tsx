import { Text, View } from '@tarojs/components'
import type { ArmResult, CampaignResults } from '../../../core/contracts/crm'
import { formatPrice } from '../../../core/money'
import OpsChart from '../shared/ops-chart'
import { lineOptions } from '../shared/crm/chart-options'
import { percentText, pointsText, VERDICT_TONES } from '../shared/crm/labels'

const dayLabel = (day: string): string => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`
const fenText = (fen: number): string => `${fen < 0 ? '-' : ''}¥${(Math.abs(fen) / 100).toFixed(2)}`
const signedFen = (fen: number): string => `${fen >= 0 ? '+' : ''}${fenText(fen)}`

const ROWS: Array<{ key: string; label: string; value: (arm: ArmResult) => string }> = [
  { key: 'members', label: '人数', value: (a) => String(a.members) },
  { key: 'converted', label: '下单人数', value: (a) => String(a.converted) },
  { key: 'rate', label: '转化率', value: (a) => percentText(a.conversionRate) },
  { key: 'gmv', label: '人均成交额', value: (a) => formatPrice(Math.round(a.gmvPerMemberFen)) },
  { key: 'total', label: '成交额', value: (a) => formatPrice(a.gmvFen) },
  { key: 'coupons', label: '用券人数', value: (a) => String(a.couponsRedeemed) }
]

const VERDICT_TEXT: Record<CampaignResults['verdict'], string> = {
  显著提升: '目标组的转化明显高于对照组，活动带来了真实的增量。',
  无显著差异: '目标组与对照组差别不大，还不能认为活动带来了增量（人数少时也常见）。',
  显著下降: '目标组的转化明显低于对照组，建议检查激励和触达方式。'
}

/** Target against holdout: the table, the uplift with its 95 % interval, the verdict, and the daily chart. */
export default function Results({ results: r }: { results: CampaignResults }) {
  // Before anyone is delivered there is nothing to compare: no verdict yet.
  const measured = r.target.members + r.holdout.members > 0
  const tone = measured ? VERDICT_TONES[r.verdict] : 'flat'
  const rate = (converted: number, members: number) => (members > 0 ? Math.round((converted / members) * 1000) / 10 : 0)
  return (
    <>
      <View className='ops-card' data-testid='campaign-verdict'>
        <Text className='ops-card__title'>效果结论（发放后 {r.windowDays} 天内）</Text>
        <Text className={`crm-verdict crm-verdict--${tone}`} data-testid='campaign-verdict-text'>
          {measured ? r.verdict : '待发放'}
        </Text>
        <Text className='crm-hint'>{measured ? VERDICT_TEXT[r.verdict] : '开始发放后，按目标组与对照组的下单情况给出结论。'}</Text>
        <View className='ops-info__row'>
          <Text className='ops-info__key'>转化率提升</Text>
          <Text className='ops-info__value' data-testid='campaign-uplift-conversion'>
            {pointsText(r.uplift.conversion)}（95% 置信区间 {pointsText(r.ci95.conversion[0])} 至 {pointsText(r.ci95.conversion[1])}）
          </Text>
        </View>
        <View className='ops-info__row'>
          <Text className='ops-info__key'>人均成交提升</Text>
          <Text className='ops-info__value' data-testid='campaign-uplift-gmv'>
            {signedFen(Math.round(r.uplift.gmvPerMemberFen))}（95% 置信区间 {signedFen(Math.round(r.ci95.gmvPerMemberFen[0]))} 至 {signedFen(Math.round(r.ci95.gmvPerMemberFen[1]))}）
          </Text>
        </View>
      </View>
      <View className='ops-card' data-testid='campaign-results'>
        <Text className='ops-card__title'>目标组 vs 对照组</Text>
        <View className='crm-table'>
          <View className='crm-table__row crm-table__row--head'>
            <Text className='crm-table__cell crm-table__cell--key'> </Text>
            <Text className='crm-table__cell'>目标组</Text>
            <Text className='crm-table__cell'>对照组</Text>
          </View>
          {ROWS.map((row) => (
            <View key={row.key} className='crm-table__row' data-testid={`campaign-row-${row.key}`}>
              <Text className='crm-table__cell crm-table__cell--key'>{row.label}</Text>
              <Text className='crm-table__cell'>{row.value(r.target)}</Text>
              <Text className='crm-table__cell'>{row.value(r.holdout)}</Text>
            </View>
          ))}
        </View>
      </View>
      <View className='ops-card'>
        <Text className='ops-card__title'>累计转化率（按天）</Text>
        <OpsChart className='crm-chart'
          id='crm-campaign-daily'
          dataKey={r.daily.map((d) => `${d.day}:${d.target.converted}:${d.holdout.converted}`).join('|') + `|${r.target.members}:${r.holdout.members}`}
          empty={r.daily.length === 0}
          emptyText='开始发放后按天显示'
          options={(c) =>
            lineOptions(
              c,
              r.daily.map((d) => dayLabel(d.day)),
              [
                { name: '目标组', data: r.daily.map((d) => rate(d.target.converted, r.target.members)) },
                { name: '对照组', data: r.daily.map((d) => rate(d.holdout.converted, r.holdout.members)) }
              ],
              { percent: true }
            )
          }
        />
      </View>
    </>
  )
}
