import type { FlashSaleState, FlashSaleView } from '../../core/contracts/flashsale'

export const FLASH_STATE_LABELS: Record<FlashSaleState, string> = {
  SCHEDULED: '即将开抢',
  LIVE: '抢购中',
  SOLD_OUT: '已抢光',
  ENDED: '已结束'
}

/** Share of the sale's units taken, 0–100, rounded down (100 only when none is left). */
export function soldPercent(sale: Pick<FlashSaleView, 'sold' | 'quantity'>): number {
  if (sale.quantity <= 0) return 100
  return Math.min(100, Math.floor((sale.sold * 100) / sale.quantity))
}

/** How much below the list price, as 折 ("3.9折"); null when not below. */
export function discountLabel(sale: Pick<FlashSaleView, 'salePrice' | 'listPrice'>): string | null {
  if (sale.listPrice <= 0 || sale.salePrice >= sale.listPrice) return null
  const tenths = Math.max(1, Math.floor((sale.salePrice * 100) / sale.listPrice))
  return `${(tenths / 10).toFixed(1).replace(/\.0$/, '')}折`
}
