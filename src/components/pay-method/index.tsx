import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { call } from '../../api'
import { formatPrice, type Fen } from '../../core/money'
import type { PayMethod } from '../pay-sheet/use-payment'
import './index.scss'

export type { PayMethod }

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
 * The checkout's 支付方式: 微信支付, or, for a customer with a stored-value
 * balance (issue 14), 余额支付 when it covers the order and 余额 + 微信支付
 * (the whole balance, WeChat for the rest) when it does not. Shows nothing
 * to a customer without a balance.
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
  // The quote may change (a coupon, the address): keep the chosen wallet option the one that fits.
  useEffect(() => {
    if (payable === null || balance === null) return
    if (value === 'wallet' && !enough) onChange(balance > 0 ? 'split' : 'wechat')
    else if (value === 'split' && enough) onChange('wallet')
  }, [value, enough, payable, balance, onChange])
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
      {enough || payable === null
        ? option('wallet', '余额支付', `储值余额 ${formatPrice(balance)}`, payable === null)
        : option('split', '余额 + 微信支付', `余额抵扣 ${formatPrice(balance)}，微信再付 ${formatPrice(payable - balance)}`, false)}
    </View>
  )
}
