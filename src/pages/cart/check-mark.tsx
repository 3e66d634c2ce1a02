import { View, Text } from '@tarojs/components'

export interface CheckMarkProps {
  checked: boolean
  disabled?: boolean
  onToggle: () => void
  testId?: string
}

/** A round tick box (the platform checkbox looks different on every platform). */
export default function CheckMark({ checked, disabled = false, onToggle, testId }: CheckMarkProps) {
  const classes = ['cart__check', checked ? 'cart__check--on' : '', disabled ? 'cart__check--disabled' : '']
  return (
    <View
      className={classes.filter(Boolean).join(' ')}
      data-testid={testId}
      aria-checked={checked}
      aria-disabled={disabled}
      onClick={(e: { stopPropagation?: () => void }) => {
        e.stopPropagation?.()
        if (!disabled) onToggle()
      }}
    >
      {checked ? <Text className='cart__check-tick'>✓</Text> : null}
    </View>
  )
}
