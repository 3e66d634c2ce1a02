import { Input, Picker, Text, View } from '@tarojs/components'
import { DATETIME_PLACEHOLDER, partsOf } from './format'
import './index.scss'

interface Props {
  value: string
  onChange: (text: string) => void
  disabled?: boolean
  /** The input's id (tests and E2E find it by `#<id> input`). */
  id: string
}

/**
 * A time typed to the second (2026-11-25 10:00:00), or picked: 日期 and 时间
 * pickers set their part (seconds to :00). Parsed by the form (format.ts).
 */
export default function OpsDateTime({ value, onChange, disabled = false, id }: Props) {
  const { date, time } = partsOf(value)
  return (
    <View className='ops-datetime'>
      <Input
        id={id}
        className='ops-datetime__input'
        value={value}
        placeholder={DATETIME_PLACEHOLDER}
        disabled={disabled}
        maxlength={19}
        onInput={(e) => onChange(e.detail.value)}
      />
      <View className='ops-datetime__pickers'>
        <Picker mode='date' value={date} disabled={disabled} onChange={(e) => onChange(`${e.detail.value} ${time}:00`)}>
          <Text className='ops-datetime__pick'>日期</Text>
        </Picker>
        <Picker mode='time' value={time} disabled={disabled} onChange={(e) => onChange(`${date} ${e.detail.value}:00`)}>
          <Text className='ops-datetime__pick'>时间</Text>
        </Picker>
      </View>
    </View>
  )
}

export { DATETIME_PLACEHOLDER, formatDateTime, parseDateTime } from './format'
