import { useCallback } from 'react'
import { call } from '../../../api'
import { withServerNow } from '../../../components/flash-countdown'
import type { FlashSaleStats, FlashSaleView } from '../../../core/contracts/flashsale'
import { useLive } from '../shared/use-live'

export interface SaleLive {
  sale: FlashSaleView
  stats: FlashSaleStats
}

export const SALE_REFRESH_MS = 3000

/** One sale and its live numbers (`flashsale.get` + `stats`), read again every few seconds while shown. */
export function useSaleLive(saleId: string) {
  const load = useCallback(async (): Promise<SaleLive> => {
    const [sale, stats] = await Promise.all([withServerNow(() => call('flashsale', 'get', { saleId })), call('flashsale', 'stats', { saleId })])
    return { sale, stats }
  }, [saleId])
  return useLive(load, SALE_REFRESH_MS)
}
