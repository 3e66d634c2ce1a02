import type { PointsBucket } from '../../../core/points/buckets';
import type { LastCheckIn } from '../../../core/points/checkin';
import type { PointsKind } from '../../../core/points/kinds';

export const PointsCollections = {
  accounts: 'points_accounts',
  ledger: 'points_ledger',
  settings: 'settings',
} as const;

/**
 * `points_accounts/{openid}`: the balance and its buckets by expiry, written
 * in the same transaction as every ledger entry. `balance` = the sum of the
 * buckets = the sum of the member's ledger deltas.
 */
export interface PointsAccountDoc {
  openid: string;
  balance: number;
  buckets: PointsBucket[];
  /** Ledger entries written; the next entry's `seq` is one more. */
  entries: number;
  /** The soonest bucket's expiry (indexed for the expiry timer); null when there are no points. */
  nextExpiryAt: number | null;
  lastCheckIn: LastCheckIn | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * `points_ledger/{openid}:{source}`: append-only. The source id (`earn:<orderId>`,
 * `checkin:<day>`, `redeem:<requestId>`…) is scoped by the member so two
 * customers' request ids never collide; a second write of a source is a no-op.
 */
export interface PointsEntryDoc {
  openid: string;
  source: string;
  kind: PointsKind;
  delta: number;
  balanceAfter: number;
  /** 1, 2, 3… per member: the order the entries were applied in. */
  seq: number;
  note: string;
  refId: string | null;
  createdAt: number;
  /** Points in: when they expire (first instant gone) and their last valid day. */
  expiresAt: number | null;
  expiresOn: string | null;
  /** Points out: how much came from each expiry date. */
  taken: Array<{ on: string; amount: number }>;
  /** A refund's claw-back: points the order earned that could not be taken back (already spent). */
  shortfall: number;
  /** An operator adjustment's input fingerprint (server kit); absent on other and older entries. */
  inputHash?: string;
}

export const ledgerEntryId = (openid: string, source: string): string => `${openid}:${source}`;

export function emptyAccount(openid: string, now: number): PointsAccountDoc {
  return { openid, balance: 0, buckets: [], entries: 0, nextExpiryAt: null, lastCheckIn: null, createdAt: now, updatedAt: now };
}
