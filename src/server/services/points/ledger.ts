import { addToBuckets, bucketsTotal, takeFromBuckets } from '../../../core/points/buckets';
import { expiryOf } from '../../../core/points/expiry';
import type { PointsKind } from '../../../core/points/kinds';
import type { Db, Transaction } from '../../db';
import { pointsErrors } from './errors';
import { emptyAccount, ledgerEntryId, PointsCollections, type PointsAccountDoc, type PointsEntryDoc } from './records';
import { loadPointsSettingsInTx } from './settings';

export interface PointsEntryInput {
  /** The deterministic source id: `earn:<orderId>`, `redeem:<requestId>`… (unique per member). */
  id: string;
  openid: string;
  delta: number;
  kind: PointsKind;
  note?: string;
  refId?: string;
  /** A keyed request's input fingerprint (server kit), stored with the entry. */
  inputHash?: string;
}

export interface PointsApplied {
  applied: boolean;
  balance: number;
}

/**
 * Inside the caller's transaction: appends the entry and updates the balance
 * document, or does nothing when this source was applied before
 * (`{applied: false}`). A negative delta larger than the balance throws
 * INSUFFICIENT_POINTS; points out are taken from the soonest-expiring first.
 */
export async function applyPointsInTx(tx: Transaction, entry: PointsEntryInput, now: number): Promise<PointsApplied> {
  const account = await readAccountInTx(tx, entry.openid, now);
  if (await entryExistsInTx(tx, entry.openid, entry.id)) return { applied: false, balance: account.balance };
  const { applied, balance } = await writeEntryInTx(tx, account, entry, now);
  return { applied, balance };
}

/** The balance outside a transaction (0 for a customer without an account). */
export async function pointsBalanceOf(db: Db, openid: string): Promise<number> {
  return (await loadAccount(db, openid))?.balance ?? 0;
}

export async function loadAccount(db: Db, openid: string): Promise<PointsAccountDoc | null> {
  const { data } = await db.collection<PointsAccountDoc>(PointsCollections.accounts).doc(openid).get();
  return data[0] ?? null;
}

export async function readAccountInTx(tx: Transaction, openid: string, now: number): Promise<PointsAccountDoc> {
  const { data } = await tx.collection<PointsAccountDoc>(PointsCollections.accounts).doc(openid).get();
  if (!data) return emptyAccount(openid, now);
  const { _id: _ignored, ...account } = data;
  return account;
}

export async function readEntryInTx(tx: Transaction, openid: string, source: string): Promise<PointsEntryDoc | null> {
  const { data } = await tx.collection<PointsEntryDoc>(PointsCollections.ledger).doc(ledgerEntryId(openid, source)).get();
  return data;
}

const entryExistsInTx = async (tx: Transaction, openid: string, source: string): Promise<boolean> =>
  (await readEntryInTx(tx, openid, source)) !== null;

/**
 * Writes one entry and the account it changes (already read in `tx`, and
 * known not to have this entry). `shortfall` is for claw-backs; `lastCheckIn`
 * for check-ins (kept on the account, written with it).
 */
export async function writeEntryInTx(
  tx: Transaction,
  account: PointsAccountDoc,
  entry: PointsEntryInput,
  now: number,
  extra: { shortfall?: number; lastCheckIn?: PointsAccountDoc['lastCheckIn'] } = {},
): Promise<PointsApplied & { account: PointsAccountDoc }> {
  if (!Number.isSafeInteger(entry.delta)) throw new RangeError(`points delta must be an integer, got ${entry.delta}`);
  if (entry.delta < 0 && -entry.delta > account.balance) throw pointsErrors.insufficient(account.balance, -entry.delta);

  let buckets = account.buckets;
  let taken: PointsEntryDoc['taken'] = [];
  let expiry: { on: string; at: number } | null = null;
  if (entry.delta > 0) {
    expiry = expiryOf(now, (await loadPointsSettingsInTx(tx)).expiry);
    buckets = addToBuckets(buckets, entry.delta, expiry);
  } else if (entry.delta < 0) {
    ({ buckets, taken } = takeFromBuckets(buckets, -entry.delta));
  }
  const balance = account.balance + entry.delta;
  if (bucketsTotal(buckets) !== balance) throw new Error(`points account ${entry.openid}: buckets do not add up to the balance`);

  const seq = account.entries + 1;
  const doc: PointsEntryDoc = {
    openid: entry.openid,
    source: entry.id,
    kind: entry.kind,
    delta: entry.delta,
    balanceAfter: balance,
    seq,
    note: entry.note ?? '',
    refId: entry.refId ?? null,
    createdAt: now,
    expiresAt: expiry?.at ?? null,
    expiresOn: expiry?.on ?? null,
    taken,
    shortfall: extra.shortfall ?? 0,
    ...(entry.inputHash ? { inputHash: entry.inputHash } : {}),
  };
  const next: PointsAccountDoc = {
    ...account,
    balance,
    buckets,
    entries: seq,
    nextExpiryAt: buckets[0]?.at ?? null,
    lastCheckIn: extra.lastCheckIn === undefined ? account.lastCheckIn : extra.lastCheckIn,
    updatedAt: now,
  };
  await tx.collection<PointsEntryDoc>(PointsCollections.ledger).doc(ledgerEntryId(entry.openid, entry.id)).set(doc);
  await tx.collection<PointsAccountDoc>(PointsCollections.accounts).doc(entry.openid).set(next);
  return { applied: true, balance, account: next };
}
