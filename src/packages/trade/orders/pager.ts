import { call } from '../../../api';
import type { OrderPage, OrderView } from '../../../core/contracts/order';
import type { OrderStatus } from '../../../core/order/status';
import type { OrderTab } from './tabs';

export const ORDERS_PAGE_SIZE = 10;

/** Where the next page of a tab starts: which of its statuses, which page. */
export interface OrderCursor {
  statusIndex: number;
  page: number;
}

export const FIRST_CURSOR: OrderCursor = { statusIndex: 0, page: 0 };

/**
 * The next page of a tab and the cursor after it (null when the tab has
 * nothing more). A tab of several statuses lists them one after another,
 * going on to the next status while the page is not full.
 */
export async function fetchOrderPage(tab: OrderTab, cursor: OrderCursor): Promise<{ items: OrderView[]; next: OrderCursor | null }> {
  const items: OrderView[] = [];
  let at: OrderCursor | null = cursor;
  while (at && items.length < ORDERS_PAGE_SIZE) {
    const status: OrderStatus | undefined = tab.statuses[at.statusIndex];
    const page: OrderPage = await call('order', 'list', { ...(status ? { status } : {}), page: at.page, pageSize: ORDERS_PAGE_SIZE });
    items.push(...page.items);
    at = page.hasMore
      ? { statusIndex: at.statusIndex, page: at.page + 1 }
      : at.statusIndex + 1 < tab.statuses.length
        ? { statusIndex: at.statusIndex + 1, page: 0 }
        : null;
  }
  return { items, next: at };
}

/** Appends a page, dropping orders already shown (new orders shift skip-based pages). */
export function appendOrders(shown: OrderView[], page: OrderView[]): OrderView[] {
  const seen = new Set(shown.map((order) => order._id));
  return [...shown, ...page.filter((order) => !seen.has(order._id))];
}
