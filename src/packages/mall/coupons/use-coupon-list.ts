import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage, toastError } from '../../../api'
import type { CouponView } from '../../../core/contracts/coupon'
import { appendCoupons, fetchCouponPage, FIRST_CURSOR, type CouponCursor } from './pager'
import type { CouponTab } from './tabs'

export interface CouponListState {
  status: 'loading' | 'ready' | 'error'
  items: CouponView[]
  error: string | null
  next: CouponCursor | null
  loadingMore: boolean
}

const INITIAL: CouponListState = { status: 'loading', items: [], error: null, next: null, loadingMore: false }

/** One tab's coupons, paged; a tab switch or reload starts over and drops answers meant for the old one. */
export function useCouponList(tab: CouponTab) {
  const [state, setState] = useState<CouponListState>(INITIAL)
  const generation = useRef(0)
  const stateRef = useRef(state)
  stateRef.current = state
  const loadingMore = useRef(false)

  const reload = useCallback(
    async (quiet = false) => {
      const gen = ++generation.current
      if (!quiet) setState(INITIAL)
      try {
        const { items, next } = await fetchCouponPage(tab, FIRST_CURSOR)
        if (gen === generation.current) setState({ status: 'ready', items, error: null, next, loadingMore: false })
      } catch (error) {
        if (gen !== generation.current) return
        if (quiet && stateRef.current.status === 'ready') toastError(error)
        else setState({ ...INITIAL, status: 'error', error: errorMessage(error) })
      }
    },
    [tab]
  )

  const loadMore = useCallback(async () => {
    const current = stateRef.current
    if (current.status !== 'ready' || loadingMore.current || !current.next) return
    loadingMore.current = true
    const gen = generation.current
    setState({ ...current, loadingMore: true })
    try {
      const { items, next } = await fetchCouponPage(tab, current.next)
      if (gen === generation.current) setState((s) => ({ ...s, items: appendCoupons(s.items, items), next, loadingMore: false }))
    } catch (error) {
      if (gen !== generation.current) return
      toastError(error)
      setState((s) => ({ ...s, loadingMore: false }))
    } finally {
      loadingMore.current = false
    }
  }, [tab])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload, loadMore }
}
