import { Text, View } from '@tarojs/components'
import { changeText, type Kpi } from './kpis'

const toneOf = (kpi: Kpi): 'up' | 'down' | 'flat' => {
  if (kpi.change === null || kpi.change === 0) return 'flat'
  const good = kpi.lowerIsBetter ? kpi.change < 0 : kpi.change > 0
  return good ? 'up' : 'down'
}

/** KPI cards: the figure, and its change against the previous period. */
export default function KpiCards({ kpis, previousLabel }: { kpis: Kpi[]; previousLabel: string }) {
  return (
    <View className='ops-kpis'>
      {kpis.map((kpi) => (
        <View key={kpi.key} className='ops-kpis__item' data-testid={`kpi-${kpi.key}`}>
          <Text className='ops-kpis__label'>{kpi.label}</Text>
          <Text className='ops-kpis__value' data-testid={`kpi-${kpi.key}-value`}>
            {kpi.value}
          </Text>
          <Text className={`ops-kpis__change ops-kpis__change--${toneOf(kpi)}`} data-testid={`kpi-${kpi.key}-change`}>
            {previousLabel} {changeText(kpi.change)}
          </Text>
        </View>
      ))}
    </View>
  )
}
