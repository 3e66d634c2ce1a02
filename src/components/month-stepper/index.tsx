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
  /** The earliest month that may be shown: ‹ stops there (none: no limit). */
  earliest?: string
  /** -1 or +1 month (the caller shifts its own state, e.g. `setPeriod((p) => shiftMonth(p, by))`). */
  onStep: (by: -1 | 1) => void
  /** What stands between the arrows, e.g. `${monthLabel(period)}业绩`. */
  title: string
  titleClassName: string
  titleTestId?: string
  prevTestId?: string
  nextTestId?: string
}

/** ‹ month › for monthly figures and calendars (a guide's month, the store's guide leaderboard, check-ins). */
export default function MonthStepper({ period, latest, earliest, onStep, title, titleClassName, titleTestId, prevTestId, nextTestId }: Props) {
  const atLatest = period >= latest
  const atEarliest = earliest !== undefined && period <= earliest
  return (
    <View className='month-stepper'>
      <Text className={`month-stepper__arrow${atEarliest ? ' month-stepper__arrow--off' : ''}`} data-testid={prevTestId} onClick={() => !atEarliest && onStep(-1)}>
        ‹
      </Text>
      <Text className={titleClassName} data-testid={titleTestId}>
        {title}
      </Text>
      <Text className={`month-stepper__arrow${atLatest ? ' month-stepper__arrow--off' : ''}`} data-testid={nextTestId} onClick={() => !atLatest && onStep(1)}>
        ›
      </Text>
    </View>
  )
}
