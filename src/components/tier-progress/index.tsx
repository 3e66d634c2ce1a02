import { Text, View } from '@tarojs/components'
import './index.scss'

export interface TierProgressProps {
  growth: number
  /** 0–100 of the way to the next tier (100 at the top), as the server computed it. */
  percent: number
  /** Growth still needed for the next tier. */
  remaining: number
  /** The next tier, or null at the top tier. */
  next: { name: string; minGrowth: number } | null
}

/** 成长值 towards the next tier: a bar, the numbers, and what is left to reach it. */
export default function TierProgressBar({ growth, percent, remaining, next }: TierProgressProps) {
  const width = Math.min(Math.max(percent, 0), 100)
  return (
    <View className='tier-progress' data-testid='tier-progress' data-percent={width}>
      <View className='tier-progress__head'>
        <Text className='tier-progress__label'>成长值</Text>
        <Text className='tier-progress__value' data-testid='tier-progress-value'>
          {next ? `${growth} / ${next.minGrowth}` : String(growth)}
        </Text>
      </View>
      <View className='tier-progress__track'>
        <View className='tier-progress__fill' style={{ width: `${width}%` }} />
      </View>
      <Text className='tier-progress__hint' data-testid='tier-progress-hint'>
        {next ? `再获得 ${remaining} 成长值升级为${next.name}` : '已是最高等级'}
      </Text>
    </View>
  )
}
