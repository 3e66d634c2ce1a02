import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import { withServerNow } from '../../../components/flash-countdown'
import type { FlashSaleView } from '../../../core/contracts/flashsale'
import { DUE_RETRIES, DUE_RETRY_MS, isDue } from '../shared/due'

export type SalesState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; sales: FlashSaleView[] }

/**
 * The sales a customer sees (`flashsale.list`). `reload(true)` refreshes in
 * place (a failure then only toasts). While a sale's state lags its clock
 * (a countdown just reached zero), it reads again a second later, a few times.
 */
export function useSales() {
  const [state, setState] = useState<SalesState>({ status: 'loading' })
  const generation = useRef(0)
  const dueRetries = useRef(0)
  const retryTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const hasData = useRef(false)

  const reload = useCallback(async (quiet = false): Promise<void> => {
    const mine = ++generation.current
    clearTimeout(retryTimer.current)
    if (!quiet || !hasData.current) setState({ status: 'loading' })
    try {
      const { sales, serverNow } = await withServerNow(() => call('flashsale', 'list', {}))
      if (mine !== generation.current) return
      hasData.current = true
      const visible = sales.filter((s) => s.state !== 'ENDED')
      setState({ status: 'ready', sales: visible })
      if (visible.some((s) => isDue(s, serverNow)) && dueRetries.current < DUE_RETRIES) {
        dueRetries.current += 1
        retryTimer.current = setTimeout(() => void reload(true), DUE_RETRY_MS)
      } else {
        dueRetries.current = 0
      }
    } catch (error) {
      if (mine !== generation.current) return
      if (quiet && hasData.current) toastError(error)
      else setState({ status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void reload()
    return () => clearTimeout(retryTimer.current)
  }, [reload])

  return { state, reload }
}
