import { Button, Input, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import { call } from '../../../api'
import type { CouponView } from '../../../core/contracts/coupon'
import type { ScannedCoupon } from '../../../core/contracts/staff'
import { formatPrice } from '../../../core/money'
import { parseYuanToFen } from './amount'
import { useVerify } from './use-verify'

interface Props {
  scanned: ScannedCoupon
  storeId: string
}

/**
 * A coupon code: whose it is (to ask the customer), its rule, then the
 * purchase amount and 核销. Below the threshold the button stays off; the
 * server refuses it too (COUPON_THRESHOLD_NOT_MET) and the coupon stays unused.
 */
export default function CouponPanel({ scanned, storeId }: Props) {
  const [coupon, setCoupon] = useState<CouponView>(scanned.coupon)
  const [amountText, setAmountText] = useState('')
  const [discount, setDiscount] = useState<number | null>(null)
  const amount = parseYuanToFen(amountText)
  const { done, pending, verify } = useVerify(
    () => call('staff', 'verifyCoupon', { code: coupon.code, storeId, amount: amount ?? 0 }),
    (result) => {
      setCoupon(result.coupon)
      setDiscount(result.verifiedNow ? result.discount : null)
    }
  )
  const { owner, threshold } = scanned
  const amountProblem = amountText.trim() && amount === null ? '请输入正确的金额（最多两位小数）' : null
  const belowThreshold = amount !== null && amount < threshold
  const ownerName = [owner.nickname ?? '非会员', owner.maskedPhone].filter(Boolean).join(' · ')

  return (
    <View className='staff-scan__panel' data-testid='staff-kind-coupon'>
      <Text className='staff-scan__kind'>优惠券</Text>
      <View className='staff-scan__card'>
        <View className='staff-scan__card-head'>
          <Text className='staff-scan__card-title'>{coupon.title}</Text>
          <Text className='staff-scan__status'>{coupon.statusLabel}</Text>
        </View>
        <Text className='staff-scan__coupon-rule' data-testid='staff-coupon-rule'>
          {coupon.ruleLabel}
        </Text>
        <Text className='staff-scan__note'>{`有效期 ${dayjs(coupon.validFrom).format('YYYY.MM.DD')} - ${dayjs(coupon.validUntil).format('YYYY.MM.DD')}`}</Text>
        {coupon.inStoreOnly ? <Text className='staff-scan__note'>仅限门店使用</Text> : null}
        <View className='staff-scan__owner'>
          <Text>持券人</Text>
          <Text data-testid='staff-coupon-owner'>{ownerName}</Text>
        </View>
      </View>
      {done ? (
        <View className='staff-scan__done' data-testid='staff-coupon-done'>
          <Text className='staff-scan__done-title'>{done === 'now' ? '核销成功' : '该券此前已在本店核销'}</Text>
          {discount !== null && amount !== null ? (
            <Text className='staff-scan__done-line' data-testid='staff-coupon-discount'>
              {discount > 0 ? `消费 ${formatPrice(amount)}，本单减 ${formatPrice(discount)}` : `消费 ${formatPrice(amount)}，请交付赠品`}
            </Text>
          ) : null}
        </View>
      ) : !scanned.verifiable ? (
        <Text className='staff-scan__problem staff-scan__problem--block'>{`该券当前不可核销（${coupon.statusLabel}）`}</Text>
      ) : (
        <View className='staff-scan__form'>
          <View className='staff-scan__field'>
            <Text className='staff-scan__label'>消费金额</Text>
            <Input
              className='staff-scan__field-input'
              data-testid='staff-coupon-amount'
              type='digit'
              value={amountText}
              placeholder={threshold > 0 ? `满 ${formatPrice(threshold)} 可用，单位：元` : '单位：元'}
              onInput={(e) => setAmountText(e.detail.value)}
            />
          </View>
          {amountProblem ? <Text className='staff-scan__problem'>{amountProblem}</Text> : null}
          {belowThreshold ? (
            <Text className='staff-scan__problem' data-testid='staff-coupon-below'>
              {`未达使用门槛：需满 ${formatPrice(threshold)}，还差 ${formatPrice(threshold - amount)}`}
            </Text>
          ) : null}
          <Button
            className='staff-scan__primary'
            data-testid='staff-verify-coupon'
            disabled={pending || amount === null || belowThreshold || undefined}
            onClick={() => void verify()}
          >
            {pending ? '核销中…' : '核销'}
          </Button>
        </View>
      )}
    </View>
  )
}
