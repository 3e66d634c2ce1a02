import type { Db, Transaction } from '../../db';
import { orderErrors } from '../../../core/order/errors';
import type { Order, OrderDoc } from '../../../core/order/types';
import { OrderCollections } from './records';
import { refuse, type Refusal } from './transact';

export async function loadOrder(db: Db, orderId: string): Promise<Order | null> {
  const { data } = await db.collection<OrderDoc>(OrderCollections.orders).doc(orderId).get();
  return data[0] ?? null;
}

/** The caller's order; someone else's answers ORDER_NOT_FOUND, as if it did not exist. */
export async function loadOwnOrder(db: Db, openid: string, orderId: string): Promise<Order> {
  const order = await loadOrder(db, orderId);
  if (!order || order.openid !== openid) throw orderErrors.orderNotFound(orderId);
  return order;
}

export async function readOrderInTx(tx: Transaction, orderId: string): Promise<Order | null> {
  const { data } = await tx.collection<OrderDoc>(OrderCollections.orders).doc(orderId).get();
  return data;
}

/** Inside a transaction: the order when `openid` owns it (null = any owner), else a refusal. */
export async function readOwnOrderInTx(tx: Transaction, openid: string | null, orderId: string): Promise<Order | Refusal> {
  const order = await readOrderInTx(tx, orderId);
  if (!order || (openid !== null && order.openid !== openid)) return refuse(orderErrors.orderNotFound(orderId));
  return order;
}
