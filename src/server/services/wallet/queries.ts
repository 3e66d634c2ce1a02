import type { WalletBalanceView, WalletLedgerPage } from '../../../core/contracts/wallet';
import { WALLET_KIND_LABELS } from '../../../core/wallet/entries';
import { sortLots } from '../../../core/wallet/lots';
import type { ServiceDeps } from '../order/deps';
import { walletErrors } from './errors';
import { loadWallet } from './ledger';
import { WalletCollections, type WalletEntryDoc } from './records';

/** `wallet.balance`: both buckets (0 for a customer who never topped up). */
export async function walletBalance(deps: ServiceDeps, openid: string): Promise<WalletBalanceView> {
  const account = await loadWallet(deps.db, openid);
  const principalFen = account?.principalFen ?? 0;
  const giftFen = account?.giftFen ?? 0;
  const next = sortLots(account?.giftLots ?? []).find((lot) => lot.expiresAt !== null && lot.fen > 0);
  return { principalFen, giftFen, totalFen: principalFen + giftFen, nextGiftExpiry: next ? { at: next.expiresAt as number, fen: next.fen } : null };
}

/**
 * `wallet.ledger`: the member's entries, newest first, by their sequence
 * number (per member, increasing: a stable cursor while entries are added).
 */
export async function walletLedger(deps: ServiceDeps, openid: string, input: { cursor?: string; pageSize: number }): Promise<WalletLedgerPage> {
  const _ = deps.db.command;
  const where: Record<string, unknown> = { openid };
  if (input.cursor !== undefined) {
    if (!/^\d{1,15}$/.test(input.cursor)) throw walletErrors.cursorInvalid();
    where.seq = _.lt(Number(input.cursor));
  }
  const { data } = await deps.db
    .collection<WalletEntryDoc>(WalletCollections.entries)
    .where(where)
    .orderBy('seq', 'desc')
    .limit(input.pageSize + 1)
    .get();
  const page = data.slice(0, input.pageSize);
  return {
    items: page.map((e) => ({
      id: e._id,
      bucket: e.bucket,
      deltaFen: e.deltaFen,
      kind: e.kind,
      createdAt: e.createdAt,
      title: `${WALLET_KIND_LABELS[e.kind]}${e.title ? ` · ${e.title}` : ''}`,
      balanceAfterFen: e.balanceAfterFen,
    })),
    nextCursor: data.length > input.pageSize ? String(page[page.length - 1].seq) : null,
  };
}
