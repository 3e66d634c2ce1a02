import { Text, View } from '@tarojs/components'
import './index.scss'

export interface OpsChipOption<T extends string | number> {
  value: T
  label: string
}

interface Props<T extends string | number> {
  options: OpsChipOption<T>[]
  value: T | null
  onChange: (value: T) => void
  disabled?: boolean
  /** Test ids `<name>-<value>`. */
  name: string
  /** One row that scrolls sideways instead of wrapping (filter rows over a list, where height is scarce on a phone). */
  scroll?: boolean
}

/** A row of choices, one on (group size, time limit, discount kind). */
export default function OpsChips<T extends string | number>({ options, value, onChange, disabled = false, name, scroll = false }: Props<T>) {
  return (
    <View className={`ops-chips${scroll ? ' ops-chips--scroll' : ''}`}>
      {options.map((option) => (
        <Text
          key={String(option.value)}
          className={`ops-chips__chip${option.value === value ? ' ops-chips__chip--on' : ''}${disabled ? ' ops-chips__chip--off' : ''}`}
          data-testid={`${name}-${option.value}`}
          onClick={() => !disabled && option.value !== value && onChange(option.value)}
        >
          {option.label}
        </Text>
      ))}
    </View>
  )
}
