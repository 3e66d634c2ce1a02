import { Input } from '@tarojs/components'

type InputType = 'text' | 'digit' | 'number'
type StringKeys<F> = { [K in keyof F]: F[K] extends string ? K : never }[keyof F] & string

/**
 * The one-line text inputs of an ops form, bound to its state: `text(key, placeholder, type?)` renders
 * `<Input id='<idPrefix>-<key>'>` showing `form[key]` and sending each keystroke to `change(key, value)`.
 */
export function formTextInput<F>(
  idPrefix: string,
  form: F,
  change: <K extends keyof F>(key: K, value: F[K]) => void,
  disabled: boolean,
  defaultType: InputType = 'text'
) {
  return (key: StringKeys<F>, placeholder: string, type: InputType = defaultType) => (
    <Input
      id={`${idPrefix}-${key}`}
      className='ops-input'
      type={type}
      value={form[key] as string}
      placeholder={placeholder}
      disabled={disabled}
      onInput={(e) => change(key, e.detail.value as F[typeof key])}
    />
  )
}
