import { Button, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import { call } from '../../../api'
import type { CouponView } from '../../../core/contracts/coupon'
import type { ScannedCoupon } from '../../../core/contracts/staff'
import { useVerify } from './use-verify'

interface Props {
  scanned: ScannedCoupon
  storeId: string
}

/** A coupon code: the coupon, then 核销 (it becomes used at this store). */
export default function CouponPanel({ scanned, storeId }: Props) {
  const [coupon, setCoupon] = useState<CouponView>(scanned.coupon)
  const { done, pending, verify } = useVerify(() => call('staff', 'verifyCoupon', { code: coupon.code, storeId }), (result) => setCoupon(result.coupon))

  return (
    <View className='staff-scan__panel' data-testid='staff-kind-coupon'>
      <Text className='staff-scan__kind'>优惠券</Text>
      <View className='staff-scan__card'>
        <View className='staff-scan__card-head'>
          <Text className='staff-scan__card-title'>{coupon.title}</Text>
          <Text className='staff-scan__status'>{coupon.statusLabel}</Text>
        </View>
        <Text className='staff-scan__coupon-rule'>{coupon.ruleLabel}</Text>
        <Text className='staff-scan__note'>{`有效期 ${dayjs(coupon.validFrom).format('YYYY.MM.DD')} - ${dayjs(coupon.validUntil).format('YYYY.MM.DD')}`}</Text>
        {coupon.inStoreOnly ? <Text className='staff-scan__note'>仅限门店使用</Text> : null}
      </View>
      {done ? (
        <View className='staff-scan__done' data-testid='staff-coupon-done'>
          <Text className='staff-scan__done-title'>{done === 'now' ? '核销成功' : '该券此前已在本店核销'}</Text>
        </View>
      ) : !scanned.verifiable ? (
        <Text className='staff-scan__problem staff-scan__problem--block'>{`该券当前不可核销（${coupon.statusLabel}）`}</Text>
      ) : (
        <Button className='staff-scan__primary' data-testid='staff-verify-coupon' disabled={pending || undefined} onClick={() => void verify()}>
          {pending ? '核销中…' : '核销'}
        </Button>
      )}
    </View>
  )
}
