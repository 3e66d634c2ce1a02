import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { ruleLabel, yuanText, zheText } from '../../core/coupon/labels'
import type { CouponRule } from '../../core/coupon/types'
import './index.scss'

export interface CouponCardProps {
  title: string
  rule: CouponRule
  /** "2026.11.25–2026.12.31" or "领取后30天内有效". */
  validity: string
  /** 到店使用 coupons are verified by staff, never applied online. */
  inStoreOnly?: boolean
  /** A used or expired coupon is greyed and stamped. */
  stamp?: string | null
  /** The button or note on the right: 去使用, 领取, 已领取… */
  action?: ReactNode
  /** Below the ticket: e.g. the code staff scan for an in-store coupon. */
  footer?: ReactNode
  testId?: string
  onClick?: () => void
}

/** The coupon's value on its stub: "¥10" / "8.5折" / "赠品". */
function CouponValue({ rule }: { rule: CouponRule }) {
  if (rule.kind === 'amount') {
    return (
      <View className='coupon-card__value'>
        <Text className='coupon-card__currency'>¥</Text>
        <Text className='coupon-card__number'>{yuanText(rule.amountOff)}</Text>
      </View>
    )
  }
  if (rule.kind === 'percent') {
    return (
      <View className='coupon-card__value'>
        <Text className='coupon-card__number'>{zheText(rule.offBps)}</Text>
        <Text className='coupon-card__currency'>折</Text>
      </View>
    )
  }
  return (
    <View className='coupon-card__value'>
      <Text className='coupon-card__number coupon-card__number--word'>赠品</Text>
    </View>
  )
}

/** A coupon as a ticket: value stub on the left, title, rule and validity, and an action. */
export default function CouponCard({ title, rule, validity, inStoreOnly, stamp, action, footer, testId, onClick }: CouponCardProps) {
  const label = ruleLabel(rule)
  return (
    <View className={`coupon-card${stamp ? ' coupon-card--dim' : ''}`} data-testid={testId} onClick={onClick}>
      <View className='coupon-card__main'>
        <View className='coupon-card__stub'>
          <CouponValue rule={rule} />
          <Text className='coupon-card__threshold'>{rule.threshold > 0 ? `满${yuanText(rule.threshold)}可用` : '无门槛'}</Text>
        </View>
        <View className='coupon-card__body'>
          <View className='coupon-card__title-row'>
            {inStoreOnly ? <Text className='coupon-card__tag'>到店使用</Text> : null}
            <Text className='coupon-card__title'>{title}</Text>
          </View>
          {title.includes(label) ? null : <Text className='coupon-card__rule'>{label}</Text>}
          <Text className='coupon-card__validity'>{validity}</Text>
        </View>
        {action ? <View className='coupon-card__action'>{action}</View> : null}
        {stamp ? <Text className='coupon-card__stamp'>{stamp}</Text> : null}
      </View>
      {footer}
    </View>
  )
}
