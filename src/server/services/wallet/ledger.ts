import { createHash } from 'crypto';
import { chinaTime } from '../../../core/notify/rules';
import { pageFor } from '../../../core/notify/templates';
import { formatFen, type Fen } from '../../../core/money';
import { displayOrderNo } from '../../../core/order/order-no';
import type { Order } from '../../../core/order/types';
import { chinaDay } from '../../../core/points/china-day';
import type { Bucket, BucketAmounts } from '../../../core/wallet/buckets';
import { WALLET_KIND_LABELS, type WalletKind } from '../../../core/wallet/entries';
import { addLot, lotsTotal, nextExpiryOf, takeFromLots, type GiftLot } from '../../../core/wallet/lots';
import type { Db, Transaction } from '../../db';
import { enqueueInTx } from '../notify/outbox';
import type { ServiceDeps } from '../order/deps';
import { refuse, type Refusal } from '../order/transact';
import { walletErrors } from './errors';
import { emptyAccount, entryDocId, WalletCollections, type WalletAccountDoc, type WalletDayDoc, type WalletEntryDoc } from './records';

/**
 * The one way a balance changes. Inside the caller's transaction (doc()
 * operations only; safe to re-run): reads the account and the cause's
 * entries; if the cause was applied already, does nothing; else appends one
 * entry per bucket it changes, writes both balances on the account, the
 * day's rollup and the customer's service notification, all in this
 * transaction. A debit larger than a bucket refuses (nothing written).
 */
export interface WalletChange {
  openid: string;
  /** core/wallet/entries walletCause: deterministic from what caused it. */
  cause: string;
  principal?: { deltaFen: Fen; kind: WalletKind };
  gift?: { deltaFen: Fen; kind: WalletKind; /** Gift in: its lot's expiry (default never). */ expiresAt?: number | null; /** Gift in: the lot id (default the cause). */ lotId?: string };
  refId: string;
  title: string;
  /** Which of the day's rollup columns it adds to. */
  rollup?: Partial<Omit<WalletDayDoc, 'day'>>;
}

/** An order's payment out of both buckets (a wallet payment, a split payment's hold). */
export const orderSpendChange = (
  order: Pick<Order, '_id' | 'openid' | 'orderNo' | 'createdAt'>,
  cause: string,
  taken: BucketAmounts,
  rollup?: WalletChange['rollup'],
): WalletChange => ({
  openid: order.openid,
  cause,
  principal: { deltaFen: -taken.principalFen, kind: 'spend' },
  gift: { deltaFen: -taken.giftFen, kind: 'spend' },
  refId: order._id,
  title: `订单 ${displayOrderNo(order)}`,
  ...(rollup ? { rollup } : {}),
});

export interface WalletApplied {
  applied: boolean;
  account: WalletAccountDoc;
  /** Gift out: the latest expiry of the lots taken from. */
  giftExpiresAt: number | null;
}

export async function readWalletInTx(tx: Transaction, openid: string, now: number): Promise<WalletAccountDoc> {
  const { data } = await tx.collection<WalletAccountDoc>(WalletCollections.accounts).doc(openid).get();
  if (!data) return emptyAccount(openid, now);
  const { _id: _ignored, ...account } = data;
  return account;
}

export async function loadWallet(db: Db, openid: string): Promise<WalletAccountDoc | null> {
  const { data } = await db.collection<WalletAccountDoc>(WalletCollections.accounts).doc(openid).get();
  return data[0] ?? null;
}

/** Whether any entry of the cause exists (a cause writes all its entries in one transaction). */
export async function causeAppliedInTx(tx: Transaction, openid: string, cause: string): Promise<boolean> {
  const entries = tx.collection<WalletEntryDoc>(WalletCollections.entries);
  for (const bucket of ['principal', 'gift'] as const) {
    if ((await entries.doc(entryDocId(openid, cause, bucket)).get()).data) return true;
  }
  return false;
}

/** `known`: the account as this transaction read it already (saves reading it again; CloudBase bills every read). */
export async function applyWalletInTx(tx: Transaction, deps: ServiceDeps, change: WalletChange, now: number, known?: WalletAccountDoc): Promise<WalletApplied | Refusal> {
  const account = known ?? (await readWalletInTx(tx, change.openid, now));
  if (await causeAppliedInTx(tx, change.openid, change.cause)) return { applied: false, account, giftExpiresAt: null };

  const p = change.principal?.deltaFen ?? 0;
  const g = change.gift?.deltaFen ?? 0;
  for (const d of [p, g]) if (!Number.isSafeInteger(d)) throw new RangeError(`wallet delta must be integer fen, got ${d}`);
  if (account.principalFen + p < 0 || account.giftFen + g < 0) return refuse(walletErrors.insufficient(account.principalFen + account.giftFen, -(p + g)));

  let lots: GiftLot[] = account.giftLots;
  let giftExpiresAt: number | null = null;
  if (g < 0) {
    const taken = takeFromLots(lots, -g);
    lots = taken.lots;
    giftExpiresAt = taken.latestExpiryTaken;
  } else if (g > 0) {
    lots = addLot(lots, { id: change.gift?.lotId ?? change.cause, fen: g, expiresAt: change.gift?.expiresAt ?? null });
  }
  const next: WalletAccountDoc = {
    ...account,
    principalFen: account.principalFen + p,
    giftFen: account.giftFen + g,
    giftLots: lots,
    nextGiftExpiryAt: nextExpiryOf(lots),
    updatedAt: now,
  };
  if (lotsTotal(lots) !== next.giftFen) throw new Error(`wallet ${change.openid}: gift lots ${lotsTotal(lots)} ≠ gift balance ${next.giftFen}`);

  const entries = tx.collection<WalletEntryDoc>(WalletCollections.entries);
  const write = async (bucket: Bucket, deltaFen: Fen, kind: WalletKind, balanceAfterFen: Fen) => {
    if (deltaFen === 0) return;
    next.seq += 1;
    await entries.doc(entryDocId(change.openid, change.cause, bucket)).set({
      openid: change.openid,
      seq: next.seq,
      cause: change.cause,
      bucket,
      kind,
      deltaFen,
      balanceAfterFen,
      refId: change.refId,
      title: change.title,
      createdAt: now,
    });
  };
  if (change.principal) await write('principal', p, change.principal.kind, next.principalFen);
  if (change.gift) await write('gift', g, change.gift.kind, next.giftFen);
  if (next.seq === account.seq) return { applied: false, account, giftExpiresAt: null }; // nothing changed: no entries, no notice

  await tx.collection<WalletAccountDoc>(WalletCollections.accounts).doc(change.openid).set(next);
  if (change.rollup) await addToDayInTx(tx, now, change.openid, change.rollup);
  const kind = change.principal && p !== 0 ? change.principal.kind : (change.gift?.kind ?? 'adjust');
  await enqueueInTx(
    tx,
    {
      id: outboxIdOf(change.openid, change.cause),
      openid: change.openid,
      template: 'walletChange',
      data: {
        change: `${WALLET_KIND_LABELS[kind]} ${change.title}`.slice(0, 20),
        amount: `${p + g >= 0 ? '+' : ''}${formatFen(p + g)}元`,
        balance: `${formatFen(next.principalFen + next.giftFen)}元`,
        time: chinaTime(now),
      },
      page: pageFor('walletChange', null),
    },
    now,
  );
  return { applied: true, account: next, giftExpiresAt };
}

/**
 * The day's rollup, in one of K shards chosen by the member (every payment
 * touches it: one document would make all members' payments conflict; one
 * member's own payments conflict on their account anyway). By the member,
 * not at random, so a transaction re-run writes the same shard and the
 * operations an action costs are the same every time.
 */
export const DAY_SHARDS = 4;

export async function addToDayInTx(tx: Transaction, now: number, openid: string, add: Partial<Omit<WalletDayDoc, 'day'>>): Promise<void> {
  const day = chinaDay(now);
  const shard = parseInt(hashId(openid).slice(0, 6), 16) % DAY_SHARDS;
  const ref = tx.collection<WalletDayDoc>(WalletCollections.days).doc(`${day}:${shard}`);
  const current = (await ref.get()).data;
  const row: WalletDayDoc = {
    day,
    topUpFen: (current?.topUpFen ?? 0) + (add.topUpFen ?? 0),
    giftFen: (current?.giftFen ?? 0) + (add.giftFen ?? 0),
    spentFen: (current?.spentFen ?? 0) + (add.spentFen ?? 0),
    refundedFen: (current?.refundedFen ?? 0) + (add.refundedFen ?? 0),
  };
  await ref.set(row);
}

export const balanceOf = (account: Pick<WalletAccountDoc, 'principalFen' | 'giftFen'> | null): BucketAmounts => ({
  principalFen: account?.principalFen ?? 0,
  giftFen: account?.giftFen ?? 0,
});

/** The notice's outbox id: one per (member, cause), bounded. */
const outboxIdOf = (openid: string, cause: string): string => {
  const id = `wallet:${openid}:${cause}`;
  return id.length <= 120 ? id : `wallet:${hashId(id)}`;
};

export const hashId = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);
