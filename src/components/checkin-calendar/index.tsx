import { Text, View } from '@tarojs/components'
import MonthStepper, { monthLabel } from '../month-stepper'
import { monthGrid, shiftMonth, WEEKDAY_LABELS } from './grid'
import './index.scss'

export interface CheckinCalendarProps {
  /** "YYYY-MM" shown. */
  month: string
  /** Checked-in days ("YYYY-MM-DD"). */
  checked: ReadonlySet<string>
  /** Today on the Asia/Shanghai calendar ("YYYY-MM-DD"). */
  today: string
  /** Move to another month; no arrows when absent (‹ stops at `earliest`, › at this month). */
  onMonth?: (month: string) => void
  /** The earliest month one may go back to ("YYYY-MM"). */
  earliest?: string
}

/** A month of check-ins: checked days filled, today ringed. */
export default function CheckinCalendar({ month, checked, today, onMonth, earliest }: CheckinCalendarProps) {
  return (
    <View className='checkin-calendar' data-testid='checkin-calendar'>
      <View className='checkin-calendar__head'>
        {onMonth ? (
          <MonthStepper
            period={month}
            latest={today.slice(0, 7)}
            earliest={earliest}
            onStep={(by) => onMonth(shiftMonth(month, by))}
            title={monthLabel(month)}
            titleClassName='checkin-calendar__title'
            prevTestId='calendar-prev'
            nextTestId='calendar-next'
          />
        ) : (
          <Text className='checkin-calendar__title'>{monthLabel(month)}</Text>
        )}
      </View>
      <View className='checkin-calendar__grid'>
        {WEEKDAY_LABELS.map((label) => (
          <Text key={label} className='checkin-calendar__weekday'>
            {label}
          </Text>
        ))}
        {monthGrid(month).map((cell, index) => {
          if (!cell.date) return <View key={`blank-${index}`} className='checkin-calendar__cell' />
          const done = checked.has(cell.date)
          const classes = [
            'checkin-calendar__cell',
            done ? 'checkin-calendar__cell--done' : '',
            cell.date === today ? 'checkin-calendar__cell--today' : '',
            cell.date > today ? 'checkin-calendar__cell--future' : ''
          ]
          return (
            <View key={cell.date} className={classes.filter(Boolean).join(' ')} data-testid={`day-${cell.date}`} data-checked={done ? 'yes' : 'no'}>
              <Text className='checkin-calendar__day'>{done ? '✓' : cell.day}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}

export { monthGrid, shiftMonth } from './grid'
