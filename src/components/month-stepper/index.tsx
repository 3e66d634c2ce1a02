import { Text, View } from '@tarojs/components'
import './index.scss'

/** `YYYY年M月` of a `YYYY-MM` month. */
export const monthLabel = (period: string): string => {
  const [year, month] = period.split('-')
  return `${year}年${Number(month)}月`
}

interface Props {
  /** The month shown, `YYYY-MM`. */
  period: string
  /** The latest month that may be shown (the current one): › stops there. */
  latest: string
  /** -1 or +1 month (the caller shifts its own state, e.g. `setPeriod((p) => shiftMonth(p, by))`). */
  onStep: (by: -1 | 1) => void
  /** What stands between the arrows, e.g. `${monthLabel(period)}业绩`. */
  title: string
  titleClassName: string
  titleTestId?: string
  prevTestId?: string
}

/** ‹ month › for monthly figures (a guide's month, the store's guide leaderboard). */
export default function MonthStepper({ period, latest, onStep, title, titleClassName, titleTestId, prevTestId }: Props) {
  const atLatest = period >= latest
  return (
    <View className='month-stepper'>
      <Text className='month-stepper__arrow' data-testid={prevTestId} onClick={() => onStep(-1)}>
        ‹
      </Text>
      <Text className={titleClassName} data-testid={titleTestId}>
        {title}
      </Text>
      <Text className={`month-stepper__arrow${atLatest ? ' month-stepper__arrow--off' : ''}`} onClick={() => !atLatest && onStep(1)}>
        ›
      </Text>
    </View>
  )
}
