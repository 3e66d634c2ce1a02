import { call } from '../../../api'
import type { CouponPage, CouponView } from '../../../core/contracts/coupon'
import type { CouponStatus } from '../../../core/coupon/types'
import type { CouponTab } from './tabs'

export const COUPONS_PAGE_SIZE = 20

/** Where the next page of a tab starts: which of its statuses, which page. */
export interface CouponCursor {
  statusIndex: number
  page: number
}

export const FIRST_CURSOR: CouponCursor = { statusIndex: 0, page: 0 }

/** The next page of a tab (`coupon.list` by status, one status after another) and the cursor after it. */
export async function fetchCouponPage(tab: CouponTab, cursor: CouponCursor): Promise<{ items: CouponView[]; next: CouponCursor | null }> {
  const items: CouponView[] = []
  let at: CouponCursor | null = cursor
  while (at && items.length < COUPONS_PAGE_SIZE) {
    const status: CouponStatus = tab.statuses[at.statusIndex]!
    const page: CouponPage = await call('coupon', 'list', { status, page: at.page, pageSize: COUPONS_PAGE_SIZE })
    items.push(...page.items)
    at = page.hasMore
      ? { statusIndex: at.statusIndex, page: at.page + 1 }
      : at.statusIndex + 1 < tab.statuses.length
        ? { statusIndex: at.statusIndex + 1, page: 0 }
        : null
  }
  return { items, next: at }
}

/** Appends a page, dropping coupons already shown (a new coupon shifts skip-based pages). */
export function appendCoupons(shown: CouponView[], page: CouponView[]): CouponView[] {
  const seen = new Set(shown.map((c) => c.couponId))
  return [...shown, ...page.filter((c) => !seen.has(c.couponId))]
}
