import type { OrderPage, OrderView } from '../../../core/contracts/order';
import type { OrderStatus } from '../../../core/order/status';
import type { OrderDoc } from '../../../core/order/types';
import { toOrderView } from '../../../core/order/view';
import { loadOwnOrder } from './access';
import type { ServiceDeps } from './deps';
import { pickupStoreOfOrder } from './pickup-store';
import { OrderCollections } from './records';

export async function getOrder(deps: ServiceDeps, openid: string, orderId: string): Promise<OrderView> {
  const order = await loadOwnOrder(deps.db, openid, orderId);
  return { ...toOrderView(order), pickupStore: await pickupStoreOfOrder(deps.db, order) };
}

/**
 * The caller's orders, newest first, optionally of one status. Stored-value
 * top-ups (储值充值) are not among them: they are money put in the wallet, not
 * goods, and the wallet page lists them with its ledger.
 */
export async function listOrders(
  deps: ServiceDeps,
  openid: string,
  input: { status?: OrderStatus; page: number; pageSize: number },
): Promise<OrderPage> {
  // `null` matches a missing field too, as in MongoDB: orders from before top-ups existed.
  const query: Record<string, unknown> = { openid, walletTopUp: null };
  if (input.status) query.status = input.status;
  const { data } = await deps.db
    .collection<OrderDoc>(OrderCollections.orders)
    .where(query)
    .orderBy('createdAt', 'desc')
    .skip(input.page * input.pageSize)
    .limit(input.pageSize + 1)
    .get();
  return {
    items: data.slice(0, input.pageSize).map(toOrderView),
    page: input.page,
    pageSize: input.pageSize,
    hasMore: data.length > input.pageSize,
  };
}
