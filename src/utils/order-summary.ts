import { call } from '../api'
import type { OrderView } from '../core/contracts/order'
import type { Fen } from '../core/money'
import type { OrderStatus } from '../core/order/status'

/** How many of the customer's orders the summary reads (4 pages of 50); past that counts show "n+". */
const PAGE_SIZE = 50
const MAX_PAGES = 4

/** Orders whose money was taken and kept. */
const SPENT_STATUSES: OrderStatus[] = ['PAID', 'SHIPPED', 'READY_FOR_PICKUP', 'COMPLETED']

export interface OrderSummary {
  byStatus: Partial<Record<OrderStatus, number>>
  total: number
  /** Payable over paid orders not refunded. */
  spent: Fen
  paidCount: number
  /** More orders exist than were read: counts are lower bounds. */
  truncated: boolean
}

export function summarizeOrders(orders: OrderView[], truncated: boolean): OrderSummary {
  const byStatus: Partial<Record<OrderStatus, number>> = {}
  let spent = 0
  let paidCount = 0
  for (const order of orders) {
    byStatus[order.status] = (byStatus[order.status] ?? 0) + 1
    if (SPENT_STATUSES.includes(order.status)) {
      spent += order.amounts.payable
      paidCount += 1
    }
  }
  return { byStatus, total: orders.length, spent, paidCount, truncated }
}

/** Reads the caller's orders (`order.list`, newest first) and counts them by status. */
export async function loadOrderSummary(): Promise<OrderSummary> {
  const orders: OrderView[] = []
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await call('order', 'list', { page, pageSize: PAGE_SIZE })
    orders.push(...result.items)
    if (!result.hasMore) return summarizeOrders(orders, false)
  }
  return summarizeOrders(orders, true)
}
