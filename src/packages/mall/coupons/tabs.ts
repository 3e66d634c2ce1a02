import type { CouponStatus } from '../../../core/coupon/types'

export type CouponTabKey = 'usable' | 'used' | 'expired'

export interface CouponTab {
  key: CouponTabKey
  label: string
  /** Listed one after another: 可用 shows the coupons held by an unpaid order (使用中) after the free ones. */
  statuses: CouponStatus[]
}

export const COUPON_TABS: CouponTab[] = [
  { key: 'usable', label: '可用', statuses: ['AVAILABLE', 'LOCKED'] },
  { key: 'used', label: '已使用', statuses: ['USED'] },
  { key: 'expired', label: '已过期', statuses: ['EXPIRED'] }
]

export const tabForParam = (key: string | undefined): CouponTab => COUPON_TABS.find((tab) => tab.key === key) ?? COUPON_TABS[0]!
