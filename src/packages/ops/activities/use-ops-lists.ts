import { useCallback } from 'react'
import { call } from '../../../api'
import type { FlashSaleView } from '../../../core/contracts/flashsale'
import { useLive } from '../shared/use-live'

/** Live sales first (ending soonest), then upcoming (starting soonest), then the rest (newest first). */
const ORDER = { LIVE: 0, SCHEDULED: 1, SOLD_OUT: 2, ENDED: 3 } as const
export function sortSales(sales: FlashSaleView[]): FlashSaleView[] {
  return [...sales].sort((a, b) => {
    if (a.state !== b.state) return ORDER[a.state] - ORDER[b.state]
    if (a.state === 'LIVE') return a.endAt - b.endAt
    if (a.state === 'SCHEDULED') return a.startAt - b.startAt
    return b.startAt - a.startAt
  })
}

export const LIST_REFRESH_MS = 5000

/** Every sale with its live numbers (`flashsale.list` as an operator answers ENDED ones too). */
export function useOpsSales(active: boolean) {
  const load = useCallback(async () => sortSales((await call('flashsale', 'list', {})).sales), [])
  return useLive(load, active ? LIST_REFRESH_MS : null)
}

/** Every group-buy activity with its groups (`groupbuy.listActivities`, operator view). */
export function useOpsActivities(active: boolean) {
  const load = useCallback(async () => (await call('groupbuy', 'listActivities', { view: 'operator' })).items, [])
  return useLive(load, active ? LIST_REFRESH_MS : null)
}
