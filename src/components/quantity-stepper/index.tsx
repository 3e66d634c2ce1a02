import { View, Text } from '@tarojs/components'
import './index.scss'

export interface QuantityStepperProps {
  value: number
  min: number
  max: number
  onChange: (next: number) => void
  disabled?: boolean
  /** + tapped at `max`: the page says why (stock, per-order limit). */
  onLimit?: () => void
}

/** − n +, kept within [min, max]; a bound button is greyed and does nothing. */
export default function QuantityStepper({ value, min, max, onChange, disabled = false, onLimit }: QuantityStepperProps) {
  const canDecrease = !disabled && value > min
  const canIncrease = !disabled && value < max
  const step = (delta: number, allowed: boolean) => {
    if (!allowed) return
    onChange(Math.min(max, Math.max(min, value + delta)))
  }
  return (
    <View className={`quantity-stepper${disabled ? ' quantity-stepper--disabled' : ''}`}>
      <View
        className={`quantity-stepper__button${canDecrease ? '' : ' quantity-stepper__button--off'}`}
        data-testid='stepper-decrease'
        aria-disabled={!canDecrease}
        onClick={() => step(-1, canDecrease)}
      >
        −
      </View>
      <Text className='quantity-stepper__value' data-testid='stepper-value'>
        {value}
      </Text>
      <View
        className={`quantity-stepper__button${canIncrease ? '' : ' quantity-stepper__button--off'}`}
        data-testid='stepper-increase'
        aria-disabled={!canIncrease}
        onClick={() => (!canIncrease && !disabled && onLimit ? onLimit() : step(1, canIncrease))}
      >
        +
      </View>
    </View>
  )
}
