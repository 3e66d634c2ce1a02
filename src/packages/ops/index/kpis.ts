import type { StatsFigures } from '../../../core/contracts/stats'
import { formatPrice } from '../../../core/money'
import { averageOrderFen, changePercent, refundRatePercent } from '../../../core/stats/overview'

export interface Kpi {
  key: string
  label: string
  value: string
  /** Change against the previous period in percent (null: nothing to compare with). */
  change: number | null
  /** A rise is bad news (refund rate). */
  lowerIsBetter?: boolean
}

const percentText = (value: number): string => `${value.toFixed(1)}%`

/** The dashboard's six figures, each with its change against the previous period. */
export function kpisOf(now: StatsFigures, before: StatsFigures): Kpi[] {
  return [
    { key: 'gmv', label: '成交额', value: formatPrice(now.gmvFen), change: changePercent(now.gmvFen, before.gmvFen) },
    { key: 'orders', label: '支付订单', value: String(now.paidOrders), change: changePercent(now.paidOrders, before.paidOrders) },
    { key: 'customers', label: '支付人数', value: String(now.payingCustomers), change: changePercent(now.payingCustomers, before.payingCustomers) },
    { key: 'members', label: '新增会员', value: String(now.newMembers), change: changePercent(now.newMembers, before.newMembers) },
    { key: 'aov', label: '客单价', value: formatPrice(averageOrderFen(now)), change: changePercent(averageOrderFen(now), averageOrderFen(before)) },
    {
      key: 'refund-rate',
      label: '退款率',
      value: percentText(refundRatePercent(now)),
      change: changePercent(refundRatePercent(now), refundRatePercent(before)),
      lowerIsBetter: true
    }
  ]
}

/** `↑ 12.5%`, `↓ 3%`, `持平`, or `—` when the previous period had none. */
export function changeText(change: number | null): string {
  if (change === null) return '—'
  if (change === 0) return '持平'
  return `${change > 0 ? '↑' : '↓'} ${Math.abs(change)}%`
}
