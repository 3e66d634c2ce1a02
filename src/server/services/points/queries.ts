import type { PointsBalanceView, PointsEntryView, PointsLedgerPage } from '../../../core/contracts/points';
import { expiringSoon } from '../../../core/points/buckets';
import { POINTS_KIND_LABELS, type PointsDirection } from '../../../core/points/kinds';
import type { Query } from '../../db';
import type { ServiceDeps } from '../order/deps';
import { pointsErrors } from './errors';
import { loadAccount } from './ledger';
import { PointsCollections, type PointsEntryDoc } from './records';
import { loadPointsSettings } from './settings';

export async function pointsBalance(deps: ServiceDeps, openid: string): Promise<PointsBalanceView> {
  const [account, settings] = await Promise.all([loadAccount(deps.db, openid), loadPointsSettings(deps.db)]);
  const buckets = account?.buckets ?? [];
  return {
    balance: account?.balance ?? 0,
    expiringSoon: expiringSoon(buckets, deps.now(), settings.expiry),
    byExpiry: buckets.map((bucket) => ({ amount: bucket.amount, on: bucket.on })),
  };
}

/**
 * The member's ledger, newest first, optionally only points in or out. The
 * cursor is the last entry's `seq` (per-member and increasing), so new
 * entries never shift the pages an infinite scroll has loaded.
 */
export async function pointsLedger(
  deps: ServiceDeps,
  openid: string,
  input: { kind?: PointsDirection; cursor?: string; pageSize: number },
): Promise<PointsLedgerPage> {
  const _ = deps.db.command;
  const query: Query = { openid };
  if (input.kind) query.delta = input.kind === 'earn' ? _.gt(0) : _.lt(0);
  if (input.cursor !== undefined) {
    if (!/^\d{1,15}$/.test(input.cursor)) throw pointsErrors.cursorInvalid();
    query.seq = _.lt(Number(input.cursor));
  }
  const { data } = await deps.db
    .collection<PointsEntryDoc>(PointsCollections.ledger)
    .where(query)
    .orderBy('seq', 'desc')
    .limit(input.pageSize + 1)
    .get();
  const items = data.slice(0, input.pageSize);
  return {
    items: items.map(entryView),
    nextCursor: data.length > input.pageSize ? String(items[items.length - 1].seq) : null,
  };
}

export function entryView(entry: PointsEntryDoc): PointsEntryView {
  return {
    id: entry.source,
    kind: entry.kind,
    label: POINTS_KIND_LABELS[entry.kind] ?? entry.kind,
    delta: entry.delta,
    balanceAfter: entry.balanceAfter,
    note: entry.note,
    createdAt: entry.createdAt,
    expiresOn: entry.expiresOn,
    shortfall: entry.shortfall,
  };
}
