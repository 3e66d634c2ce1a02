import type { z } from 'zod';
import type { FlashSaleBuyInput, FlashSaleBuyResult } from '../../../core/contracts/flashsale';
import { flashSaleErrors } from '../../../core/flashsale/errors';
import { flashSaleOrderDoc, paymentDeadline } from '../../../core/flashsale/order';
import { shardTryOrder } from '../../../core/flashsale/shards';
import { saleState } from '../../../core/flashsale/state';
import {
  FlashSaleCollections,
  memberDocId,
  RECENT_BUYS_KEPT,
  shardDocId,
  type FlashSale,
  type FlashSaleDoc,
  type FlashSaleMemberDoc,
  type FlashSaleShardDoc,
} from '../../../core/flashsale/types';
import type { OrderDoc, OrderFulfillment } from '../../../core/order/types';
import { DbError, DbErrorCode, type Transaction } from '../../db';
import { newId } from '../../kit/ids';
import { assertSameInput, inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import type { ServiceDeps } from '../order/deps';
import { IDEMPOTENCY_TTL_MS, idempotencyKey, OrderCollections, type IdempotencyDoc } from '../order/records';
import { withPickupCodeInTx } from '../order/pickup-code';
import { allocateOrderNoInTx } from '../order/order-no';
import { Refusal, refuse } from '../order/transact';
import { flashSaleFulfillment } from './fulfillment';
import { cachedSale, forgetCachedSale } from './sale-cache';

export const FLASH_SALE_BUY_SCOPE = 'fs';
/** Whole-buy retries when CloudBase gave up on a transaction conflict (it re-runs the callback 3 times itself). */
const CONFLICT_RETRIES = 3;

export type BuyRequest = z.output<typeof FlashSaleBuyInput>;

type BuyOutcome = { kind: 'bought'; orderId: string; expiresAt: number } | { kind: 'replay'; orderId: string } | { kind: 'soldOut' };

/**
 * The hot path. Refusals write nothing and read one document: the sale
 * (state from its times, the sold-out flag) comes from the instance's cache
 * (sale-cache.ts, read at most once a second), the member's count (limit;
 * their recent buys answer a replay) is read. Then ONE transaction: the
 * idempotency record, the member's count, one unit from a shard (a random
 * one first, the others when empty; none left: the sale is flagged sold
 * out, once), the order and the idempotency record.
 */
export async function buyFlashSale(deps: ServiceDeps, openid: string, input: BuyRequest): Promise<FlashSaleBuyResult> {
  const now = deps.now();
  const [sale, memberRead] = await Promise.all([
    cachedSale(deps.db, input.saleId, now),
    deps.db.collection<FlashSaleMemberDoc>(FlashSaleCollections.members).doc(memberDocId(input.saleId, openid)).get(),
  ]);
  if (!sale) throw flashSaleErrors.notFound(input.saleId);
  const member = memberRead.data[0];
  const fingerprint = inputFingerprint(FLASH_SALE_BUY_SCOPE, openid, input);
  const recent = member?.recent.find((r) => r.requestId === input.requestId);
  if (recent) {
    assertSameInput(recent.inputHash, fingerprint);
    return { orderId: recent.orderId, expiresAt: recent.expiresAt };
  }
  refuseOnSale(sale, now);
  const quantity = input.quantity ?? 1;
  const held = member?.count ?? 0;
  if (held + quantity > sale.perMemberLimit) throw flashSaleErrors.limitExceeded(sale._id, sale.perMemberLimit, held);

  const fulfillment = await flashSaleFulfillment(deps, input.fulfillment);
  const requestKey = idempotencyKey(FLASH_SALE_BUY_SCOPE, openid, input.requestId);
  const outcome = await withConflictRetries(() =>
    deps.db.runTransaction((tx) => buyInTx(tx, deps, { sale, openid, requestId: input.requestId, requestKey, fingerprint, fulfillment, quantity, now })),
  );
  if (outcome instanceof Refusal) throw outcome.error;
  if (outcome.kind === 'soldOut') {
    // The flag is set now (by this buyer or an earlier one): the next buyers here read it again at once.
    forgetCachedSale(deps.db, sale._id);
    throw flashSaleErrors.soldOut(sale._id);
  }
  if (outcome.kind === 'replay') return replayOf(deps, outcome.orderId);
  return { orderId: outcome.orderId, expiresAt: outcome.expiresAt };
}

/** NOT_STARTED / ENDED / SOLD_OUT from the sale document alone. */
function refuseOnSale(sale: FlashSale, now: number): void {
  const state = saleState({ ...sale, remaining: sale.soldOut ? 0 : 1 }, now);
  if (state === 'SCHEDULED') throw flashSaleErrors.notStarted(sale._id, sale.startAt);
  if (state === 'ENDED' || sale.settledAt !== null) throw flashSaleErrors.ended(sale._id);
  if (state === 'SOLD_OUT') throw flashSaleErrors.soldOut(sale._id);
}

interface BuyInTx {
  sale: FlashSale;
  openid: string;
  requestId: string;
  requestKey: string;
  fingerprint: string;
  fulfillment: OrderFulfillment;
  quantity: number;
  now: number;
}

async function buyInTx(tx: Transaction, deps: ServiceDeps, input: BuyInTx): Promise<BuyOutcome | Refusal> {
  const { sale, openid, now, quantity } = input;
  const idempotency = tx.collection<IdempotencyDoc>(OrderCollections.idempotency).doc(input.requestKey);
  const earlier = (await idempotency.get()).data;
  if (earlier) {
    const reused = reusedKeyError(earlier.inputHash, input.fingerprint);
    return reused ? refuse(reused) : { kind: 'replay', orderId: earlier.resultId };
  }

  const memberRef = tx.collection<FlashSaleMemberDoc>(FlashSaleCollections.members).doc(memberDocId(sale._id, openid));
  const member = (await memberRef.get()).data;
  const count = member?.count ?? 0;
  if (count + quantity > sale.perMemberLimit) return refuse(flashSaleErrors.limitExceeded(sale._id, sale.perMemberLimit, count));

  const shard = await takeUnitsInTx(tx, deps, sale, quantity, now);
  if (shard instanceof Refusal || shard === null) return shard ?? { kind: 'soldOut' };

  const orderId = newId('fs', now);
  const fulfillment = await withPickupCodeInTx(tx, orderId, input.fulfillment, now);
  const order = flashSaleOrderDoc({ sale, shard, openid, fulfillment, requestId: input.requestId, requestKey: input.requestKey, quantity, now });
  const expiresAt = paymentDeadline(sale, now);
  const recent = [...(member?.recent ?? []), { requestId: input.requestId, orderId, expiresAt, inputHash: input.fingerprint }].slice(-RECENT_BUYS_KEPT);
  await memberRef.set({ saleId: sale._id, openid, count: count + quantity, recent, updatedAt: now });
  // The order module's type does not name 'flashsale' yet; the document is an order in every other respect.
  const orderNo = await allocateOrderNoInTx(tx, now);
  await tx.collection<OrderDoc>(OrderCollections.orders).doc(orderId).set({ ...(order as unknown as OrderDoc), orderNo });
  await idempotency.set({
    scope: FLASH_SALE_BUY_SCOPE,
    openid,
    requestId: input.requestId,
    resultId: orderId,
    inputHash: input.fingerprint,
    createdAt: now,
    expiresAt: now + IDEMPOTENCY_TTL_MS,
  });
  return { kind: 'bought', orderId, expiresAt };
}

/**
 * `quantity` units from ONE shard (an order names one shard, which takes
 * them all back): a random shard first, the others in turn when it holds
 * fewer. Answers the shard; NOT_ENOUGH_LEFT when units are left but no shard
 * holds `quantity`; null when every shard is empty: the sale is flagged sold
 * out then, and every shard is touched so that a unit given back
 * concurrently (which writes a shard) conflicts with the flag instead of
 * being hidden behind it.
 */
async function takeUnitsInTx(tx: Transaction, deps: ServiceDeps, sale: FlashSale, quantity: number, now: number): Promise<number | Refusal | null> {
  const _ = deps.db.command;
  const shards = tx.collection<FlashSaleShardDoc>(FlashSaleCollections.shards);
  let mostInOne = 0;
  for (const k of shardTryOrder(sale.shardCount)) {
    const ref = shards.doc(shardDocId(sale._id, k));
    const doc = (await ref.get()).data;
    if (!doc) continue;
    if (doc.closed) return refuse(flashSaleErrors.ended(sale._id));
    if (doc.remaining >= quantity) {
      await ref.update({ remaining: _.inc(-quantity), sold: _.inc(quantity), updatedAt: now });
      return k;
    }
    mostInOne = Math.max(mostInOne, doc.remaining);
  }
  if (mostInOne > 0) return refuse(flashSaleErrors.notEnoughLeft(sale._id, mostInOne));
  // Buyers who read the sale before the flag was set find it set here: flagged once, not by each of them.
  const saleRef = tx.collection<FlashSaleDoc>(FlashSaleCollections.sales).doc(sale._id);
  if ((await saleRef.get()).data?.soldOut) return null;
  for (let k = 0; k < sale.shardCount; k += 1) await shards.doc(shardDocId(sale._id, k)).update({ updatedAt: now });
  await saleRef.update({ soldOut: true, updatedAt: now });
  return null;
}

async function replayOf(deps: ServiceDeps, orderId: string): Promise<FlashSaleBuyResult> {
  const { data } = await deps.db.collection<OrderDoc>(OrderCollections.orders).doc(orderId).get();
  if (!data[0]) throw new Error(`flash-sale order ${orderId} vanished after creation`);
  return { orderId, expiresAt: data[0].expiresAt };
}

async function withConflictRetries<R>(run: () => Promise<R>): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const conflict = error instanceof DbError && error.code === DbErrorCode.TransactionConflict;
      if (!conflict) throw error;
      if (attempt >= CONFLICT_RETRIES) throw flashSaleErrors.busy();
    }
  }
}
