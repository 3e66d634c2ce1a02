import { Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import CouponCard from '../../../components/coupon-card'
import CouponCode from '../../../components/coupon-code'
import type { CouponView } from '../../../core/contracts/coupon'
import { HOME_URL, orderUrl } from '../../../utils/routes'
import { couponWindowText } from '../shared/validity'

interface Props {
  coupon: CouponView
  /** The in-store coupon whose code is shown (one at a time). */
  codeShown: boolean
  onToggleCode: (couponId: string) => void
  now: number
}

const STAMPS: Partial<Record<CouponView['status'], string>> = { USED: '已使用', EXPIRED: '已过期' }

/** One held coupon: 去使用 (online), 出示券码 (in-store), 使用中 (held by an unpaid order), or stamped used / expired. */
export default function CouponRow({ coupon, codeShown, onToggleCode, now }: Props) {
  const notStarted = coupon.status === 'AVAILABLE' && now < coupon.validFrom
  const action = (() => {
    if (coupon.status === 'LOCKED') {
      return (
        <Text
          className='coupon-button coupon-button--ghost'
          onClick={() => coupon.orderId && void Taro.navigateTo({ url: orderUrl(coupon.orderId) })}
        >
          使用中
        </Text>
      )
    }
    if (coupon.status !== 'AVAILABLE') return null
    if (notStarted) return <Text className='coupon-button coupon-button--off'>未开始</Text>
    if (coupon.inStoreOnly) {
      return (
        <Text className='coupon-button coupon-button--ghost' data-testid={`coupon-show-code-${coupon.couponId}`} onClick={() => onToggleCode(coupon.couponId)}>
          {codeShown ? '收起券码' : '出示券码'}
        </Text>
      )
    }
    return (
      <Text className='coupon-button' data-testid={`coupon-use-${coupon.couponId}`} onClick={() => void Taro.switchTab({ url: HOME_URL })}>
        去使用
      </Text>
    )
  })()

  return (
    <CouponCard
      testId={`coupon-${coupon.couponId}`}
      title={coupon.title}
      rule={coupon.rule}
      validity={couponWindowText(coupon.validFrom, coupon.validUntil, now)}
      inStoreOnly={coupon.inStoreOnly}
      stamp={STAMPS[coupon.status] ?? null}
      action={action}
      footer={codeShown && coupon.inStoreOnly && coupon.status === 'AVAILABLE' ? <CouponCode code={coupon.code} canvasId={`coupon-qr-${coupon.couponId}`} /> : null}
    />
  )
}
