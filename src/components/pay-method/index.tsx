import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { call } from '../../api'
import { formatPrice, type Fen } from '../../core/money'
import './index.scss'

export type PayMethod = 'wechat' | 'wallet'

interface Props {
  /** What the order will cost (null while it is quoted). */
  payable: Fen | null
  value: PayMethod
  onChange: (method: PayMethod) => void
  disabled?: boolean
  /** The card it sits in (the page's own card class). */
  className?: string
}

/**
 * The checkout's 支付方式: 微信支付, or 余额支付 from the stored value (issue 14)
 * when the customer has a balance. Shows nothing to a customer without one.
 * A balance short of the payable cannot be chosen (no split payment).
 */
export default function PayMethodChoice({ payable, value, onChange, disabled, className }: Props) {
  const [balance, setBalance] = useState<Fen | null>(null)
  useEffect(() => {
    let live = true
    void call('wallet', 'balance', {})
      .then((b) => live && setBalance(b.totalFen))
      .catch(() => live && setBalance(null))
    return () => {
      live = false
    }
  }, [])
  const enough = balance !== null && payable !== null && balance >= payable
  useEffect(() => {
    if (value === 'wallet' && !enough && payable !== null) onChange('wechat')
  }, [value, enough, payable, onChange])
  if (balance === null || balance <= 0) return null
  const option = (method: PayMethod, title: string, note: string, off: boolean) => (
    <View
      className={`pay-method__option${value === method ? ' pay-method__option--on' : ''}${off ? ' pay-method__option--off' : ''}`}
      data-testid={`pay-method-${method}`}
      onClick={() => !disabled && !off && onChange(method)}
    >
      <View className='pay-method__text'>
        <Text className='pay-method__title'>{title}</Text>
        {note ? <Text className='pay-method__note'>{note}</Text> : null}
      </View>
      <View className='pay-method__radio' />
    </View>
  )
  return (
    <View className={`pay-method${className ? ` ${className}` : ''}`} data-testid='pay-method'>
      <Text className='pay-method__label'>支付方式</Text>
      {option('wechat', '微信支付', '', false)}
      {option('wallet', '余额支付', enough ? `储值余额 ${formatPrice(balance)}` : `储值余额 ${formatPrice(balance)}，不足以支付`, !enough)}
    </View>
  )
}
