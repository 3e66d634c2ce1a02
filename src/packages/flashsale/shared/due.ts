import type { FlashSaleView } from '../../../core/contracts/flashsale'

/** Reads again at most this many times, a second apart, while a sale's state lags its clock. */
export const DUE_RETRIES = 5
export const DUE_RETRY_MS = 1000

/**
 * The sale's clock says it should have moved on (started, or ended) but the
 * answer still shows the earlier state: the server flips it on its next read.
 */
export function isDue(sale: Pick<FlashSaleView, 'state' | 'startAt' | 'endAt'>, serverNow: number): boolean {
  if (sale.state === 'SCHEDULED') return sale.startAt <= serverNow
  if (sale.state === 'LIVE') return sale.endAt <= serverNow
  return false
}
