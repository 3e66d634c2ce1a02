import type { FlashSaleView } from '../../../core/contracts/flashsale'

export type SaleTabKey = 'live' | 'upcoming'

export const SALE_TABS: Array<{ key: SaleTabKey; label: string; empty: string }> = [
  { key: 'live', label: '正在疯抢', empty: '现在没有进行中的秒杀，看看即将开抢的吧' },
  { key: 'upcoming', label: '即将开抢', empty: '暂时没有即将开始的秒杀' }
]

/** 正在疯抢: live sales by nearest end, then those sold out; 即将开抢: by nearest start. */
export function salesOfTab(sales: FlashSaleView[], tab: SaleTabKey): FlashSaleView[] {
  if (tab === 'upcoming') return sales.filter((s) => s.state === 'SCHEDULED').sort((a, b) => a.startAt - b.startAt)
  const live = sales.filter((s) => s.state === 'LIVE').sort((a, b) => a.endAt - b.endAt)
  const soldOut = sales.filter((s) => s.state === 'SOLD_OUT').sort((a, b) => b.startAt - a.startAt)
  return [...live, ...soldOut]
}

/** The tab asked for in the query, else 正在疯抢 when something is live, else 即将开抢. */
export function firstTab(sales: FlashSaleView[], asked: string | undefined): SaleTabKey {
  if (asked === 'live' || asked === 'upcoming') return asked
  return sales.some((s) => s.state === 'LIVE' || s.state === 'SOLD_OUT') || !sales.some((s) => s.state === 'SCHEDULED') ? 'live' : 'upcoming'
}
