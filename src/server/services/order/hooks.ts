import type { Order } from '../../../core/order/types';
import type { Transaction } from '../../db';
import { crmOrderHooks } from '../crm/order-hooks';
import { commissionOrderHooks } from '../commission/order-hooks';
import { flashSaleOrderHooks } from '../flashsale/order-hooks';
import { groupBuyOrderHooks } from '../groupbuy/order-hooks';
import { guideOrderHooks } from '../guide/order-terms';
import { growthOrderHooks } from '../growth/order-hooks';
import { memberOrderHooks } from '../member/order-hooks';
import { notifyOrderHooks } from '../notify/order-hooks';
import { promotionOrderHooks } from '../promotion/order-hooks';
import { statsOrderHooks } from '../stats/order-hooks';
import type { ServiceDeps } from './deps';
import { pickupCodeOrderHooks } from './pickup-code';
import { isTopUpOrder, walletOrderHooks } from '../wallet/order-hooks';

/**
 * What other bounded contexts do when an order changes, inside the same
 * transaction as the change (single-document operations only, no I/O
 * outside the database: the transaction may be re-run).
 */
export interface OrderHooks {
  /** The order was just paid (payment notification applied). */
  paid?(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void>;
  /** The unpaid order was just cancelled (customer or timeout). */
  cancelled?(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void>;
  /** The order's refund was just completed (REFUNDED). */
  refunded?(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void>;
  /** The order just became COMPLETED (receipt confirmed, picked up): it is no longer refundable. */
  completed?(tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void>;
}

export type OrderHookEvent = keyof OrderHooks;

/** Members (growth, points earned), promotions (coupons, points-mall redemptions), flash sales, group-buys, notifications, pickup codes, the dashboard's rollups and, after growth is settled, the CRM profile. */
const HOOKS: readonly OrderHooks[] = [memberOrderHooks, promotionOrderHooks, flashSaleOrderHooks, groupBuyOrderHooks, notifyOrderHooks, pickupCodeOrderHooks, statsOrderHooks, crmOrderHooks, commissionOrderHooks, guideOrderHooks, growthOrderHooks, walletOrderHooks];
/** A stored-value top-up order (issue 14) is money held, not a sale: only the wallet acts on it (services/wallet/order-hooks). */
const TOP_UP_HOOKS: readonly OrderHooks[] = [walletOrderHooks];

export async function runOrderHooks(event: OrderHookEvent, tx: Transaction, order: Order, deps: ServiceDeps, now: number): Promise<void> {
  for (const hooks of isTopUpOrder(order) ? TOP_UP_HOOKS : HOOKS) await hooks[event]?.(tx, order, deps, now);
}
