import type { ActivityPhase } from '../../../core/contracts/groupbuy'
import type { FlashSaleView } from '../../../core/contracts/flashsale'

/** A sale's state as an operator reads it: an early stop is told apart from the end. */
export function saleStateLabel(sale: Pick<FlashSaleView, 'state' | 'stoppedAt'>): { label: string; tone: string } {
  switch (sale.state) {
    case 'SCHEDULED':
      return { label: '未开始', tone: 'scheduled' }
    case 'LIVE':
      return { label: '进行中', tone: 'live' }
    case 'SOLD_OUT':
      return { label: '已售罄', tone: 'done' }
    case 'ENDED':
      return sale.stoppedAt ? { label: '已停止', tone: 'off' } : { label: '已结束', tone: 'off' }
  }
}

export const PHASE_LABELS: Record<ActivityPhase, { label: string; tone: string }> = {
  SCHEDULED: { label: '未开始', tone: 'scheduled' },
  ACTIVE: { label: '进行中', tone: 'live' },
  ENDED: { label: '已结束', tone: 'off' },
  STOPPED: { label: '已停止', tone: 'off' }
}
