import { Button, ScrollView, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { CheckoutCouponOption } from '../../core/contracts/coupon'
import { formatPrice } from '../../core/money'
import './index.scss'

export interface CouponPickerProps {
  visible: boolean
  /** The customer's coupons for this order, as the quote ranked them (usable first). */
  options: CheckoutCouponOption[]
  /** The coupon the quote applied; null when none. */
  appliedId: string | null
  onSelect: (couponId: string | null) => void
  onClose: () => void
}

/** The checkout's coupon sheet: each usable coupon with what it takes off this order, the others greyed with why, and 不使用优惠券. */
export default function CouponPicker({ visible, options, appliedId, onSelect, onClose }: CouponPickerProps) {
  if (!visible) return null
  const usable = options.filter((o) => o.usable)
  const unusable = options.filter((o) => !o.usable)
  return (
    <View className='coupon-picker' data-testid='coupon-picker'>
      <View className='coupon-picker__mask' onClick={onClose} />
      <View className='coupon-picker__panel'>
        <View className='coupon-picker__head'>
          <Text className='coupon-picker__title'>选择优惠券</Text>
          <Text className='coupon-picker__close' onClick={onClose}>
            ×
          </Text>
        </View>
        <ScrollView className='coupon-picker__list' scrollY>
          {usable.length === 0 ? <Text className='coupon-picker__empty'>本单暂无可用优惠券</Text> : null}
          {usable.map((option) => (
            <View
              key={option.couponId}
              className={`coupon-picker__option${option.couponId === appliedId ? ' coupon-picker__option--on' : ''}`}
              data-testid={`coupon-option-${option.couponId}`}
              onClick={() => onSelect(option.couponId)}
            >
              <View className='coupon-picker__option-body'>
                <Text className='coupon-picker__option-title'>{option.title}</Text>
                <Text className='coupon-picker__option-rule'>
                  {option.ruleLabel} · {dayjs(option.validUntil - 1).format('YYYY.MM.DD')} 到期
                </Text>
              </View>
              <Text className='coupon-picker__option-discount'>-{formatPrice(option.discount)}</Text>
              <View className={`coupon-picker__radio${option.couponId === appliedId ? ' coupon-picker__radio--on' : ''}`} />
            </View>
          ))}
          {unusable.length > 0 ? <Text className='coupon-picker__section'>本单不可用（{unusable.length}）</Text> : null}
          {unusable.map((option) => (
            <View key={option.couponId} className='coupon-picker__option coupon-picker__option--off' data-testid={`coupon-option-${option.couponId}`}>
              <View className='coupon-picker__option-body'>
                <Text className='coupon-picker__option-title'>{option.title}</Text>
                <Text className='coupon-picker__option-rule'>{option.ruleLabel}</Text>
              </View>
              <Text className='coupon-picker__option-reason'>{option.reasonLabel ?? '不可用'}</Text>
            </View>
          ))}
        </ScrollView>
        <Button className={`coupon-picker__none${appliedId === null ? ' coupon-picker__none--on' : ''}`} data-testid='coupon-option-none' onClick={() => onSelect(null)}>
          不使用优惠券
        </Button>
      </View>
    </View>
  )
}
