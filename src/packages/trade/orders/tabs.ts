import type { OrderStatus } from '../../../core/order/status';

export type OrderTabKey = 'all' | 'PENDING_PAYMENT' | 'PAID' | 'READY_FOR_PICKUP' | 'SHIPPED' | 'COMPLETED' | 'REFUND';

export interface OrderTab {
  key: OrderTabKey;
  label: string;
  /** Listed one after another (`undefined`: every status). */
  statuses: Array<OrderStatus | undefined>;
}

export const ORDER_TABS: OrderTab[] = [
  { key: 'all', label: '全部', statuses: [undefined] },
  { key: 'PENDING_PAYMENT', label: '待支付', statuses: ['PENDING_PAYMENT'] },
  { key: 'PAID', label: '已支付', statuses: ['PAID'] },
  { key: 'READY_FOR_PICKUP', label: '待自提', statuses: ['READY_FOR_PICKUP'] },
  { key: 'SHIPPED', label: '已发货', statuses: ['SHIPPED'] },
  { key: 'COMPLETED', label: '已完成', statuses: ['COMPLETED'] },
  { key: 'REFUND', label: '退款', statuses: ['REFUND_REQUESTED', 'REFUNDING', 'REFUNDED'] },
];

/** The tab for `?status=`: a tab key or an order status (REFUND_REQUESTED / REFUNDING / REFUNDED open 退款); 全部 otherwise. */
export function tabForParam(status: string | undefined): OrderTab {
  const wanted = (status ?? '').trim().toUpperCase();
  return (
    ORDER_TABS.find((tab) => tab.key.toUpperCase() === wanted) ??
    ORDER_TABS.find((tab) => tab.key !== 'all' && tab.statuses.includes(wanted as OrderStatus)) ??
    ORDER_TABS[0]!
  );
}
