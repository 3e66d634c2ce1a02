import { Text, View } from '@tarojs/components'
import './index.scss'

export interface OpsStat {
  key: string
  label: string
  value: number | string
  /** `accent`: the number that matters most (sold); `good`: paid / succeeded; `bad`: failed. */
  tone?: 'accent' | 'good' | 'bad' | 'plain'
}

/** Numbers of a live view, three to a row. */
export default function OpsStatGrid({ stats, compact = false }: { stats: OpsStat[]; compact?: boolean }) {
  return (
    <View className={`ops-stats${compact ? ' ops-stats--compact' : ''}`}>
      {stats.map((stat) => (
        <View key={stat.key} className='ops-stats__item' data-testid={`stat-${stat.key}`}>
          <Text className={`ops-stats__value ops-stats__value--${stat.tone ?? 'plain'}`}>{stat.value}</Text>
          <Text className='ops-stats__label'>{stat.label}</Text>
        </View>
      ))}
    </View>
  )
}
