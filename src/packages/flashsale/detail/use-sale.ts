import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, errorMessage, toastError } from '../../../api'
import { withServerNow } from '../../../components/flash-countdown'
import type { FlashSaleView } from '../../../core/contracts/flashsale'
import { DUE_RETRIES, DUE_RETRY_MS, isDue } from '../shared/due'

export type SaleState =
  | { status: 'loading' }
  /** No such sale: retrying will not help. */
  | { status: 'missing'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; sale: FlashSaleView }

const MISSING_CODES = ['SALE_NOT_FOUND', 'INVALID_ARGUMENT']

/**
 * One sale (`flashsale.get`). `reload(true)` refreshes in place (a failure
 * then only toasts). When a countdown reached zero but the answer still shows
 * the earlier state, it reads again a second later, a few times.
 */
export function useSale(saleId: string) {
  const [state, setState] = useState<SaleState>(saleId ? { status: 'loading' } : { status: 'missing', message: '没有找到这场秒杀' })
  const generation = useRef(0)
  const hasData = useRef(false)
  const dueRetries = useRef(0)
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)

  const reload = useCallback(
    async (quiet = false): Promise<void> => {
      if (!saleId) return
      const mine = ++generation.current
      clearTimeout(retryTimer.current)
      if (!quiet || !hasData.current) setState({ status: 'loading' })
      try {
        const sale = await withServerNow(() => call('flashsale', 'get', { saleId }))
        if (mine !== generation.current) return
        hasData.current = true
        setState({ status: 'ready', sale })
        if (isDue(sale, sale.serverNow) && dueRetries.current < DUE_RETRIES) {
          dueRetries.current += 1
          retryTimer.current = setTimeout(() => void reload(true), DUE_RETRY_MS)
        } else {
          dueRetries.current = 0
        }
      } catch (error) {
        if (mine !== generation.current) return
        const missing = error instanceof ApiError && MISSING_CODES.includes(error.code)
        if (quiet && hasData.current && !missing) toastError(error)
        else setState(missing ? { status: 'missing', message: errorMessage(error) } : { status: 'error', message: errorMessage(error) })
      }
    },
    [saleId]
  )

  /** What an action learned (reminded) shown at once, before the next read. */
  const patch = useCallback((change: Partial<FlashSaleView>) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', sale: { ...s.sale, ...change } } : s))
  }, [])

  useEffect(() => {
    void reload()
    return () => clearTimeout(retryTimer.current)
  }, [reload])

  return { state, reload, patch }
}
