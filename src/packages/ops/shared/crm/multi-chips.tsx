import { Text, View } from '@tarojs/components'
import '../../../../components/ops-chips/index.scss'

export interface MultiChipOption {
  value: string
  label: string
}

interface Props {
  options: MultiChipOption[]
  value: string[]
  onChange: (value: string[]) => void
  disabled?: boolean
  /** Test ids `<name>-<value>`. */
  name: string
}

/** A row of choices, any number on (tiers, stages, tags). Styled like OpsChips. */
export default function MultiChips({ options, value, onChange, disabled = false, name }: Props) {
  const toggle = (v: string) => onChange(value.includes(v) ? value.filter((x) => x !== v) : [...value, v])
  return (
    <View className='ops-chips'>
      {options.map((option) => {
        const on = value.includes(option.value)
        return (
          <Text
            key={option.value}
            className={`ops-chips__chip${on ? ' ops-chips__chip--on' : ''}${disabled ? ' ops-chips__chip--off' : ''}`}
            data-testid={`${name}-${option.value}`}
            data-on={on ? 'true' : 'false'}
            onClick={() => !disabled && toggle(option.value)}
          >
            {option.label}
          </Text>
        )
      })}
    </View>
  )
}
