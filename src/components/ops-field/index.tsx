import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './index.scss'

export interface OpsFieldProps {
  label: string
  /** A grey line under the control (a rule, the list price). */
  hint?: string
  /** What is wrong with the value (red, replaces the hint). */
  error?: string | null
  required?: boolean
  /** The field's test id and its error's (`field-<name>`, `field-<name>-error`). */
  name: string
  children: ReactNode
}

/** One row of an operator form: label, control, and its rule or its error. */
export default function OpsField({ label, hint, error, required = false, name, children }: OpsFieldProps) {
  return (
    <View className={`ops-field${error ? ' ops-field--error' : ''}`} data-testid={`field-${name}`}>
      <View className='ops-field__row'>
        <Text className='ops-field__label'>
          {label}
          {required ? <Text className='ops-field__required'>*</Text> : null}
        </Text>
        <View className='ops-field__control'>{children}</View>
      </View>
      {error ? (
        <Text className='ops-field__error' data-testid={`field-${name}-error`}>
          {error}
        </Text>
      ) : hint ? (
        <Text className='ops-field__hint'>{hint}</Text>
      ) : null}
    </View>
  )
}
