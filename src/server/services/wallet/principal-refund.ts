import type { PrincipalRefundStatus, PrincipalRefundView } from '../../../core/contracts/wallet';
import { giftForfeitFor } from '../../../core/wallet/buckets';
import { walletCause } from '../../../core/wallet/entries';
import { allocatePayout, payoutRefundNo, type TopUpPayment } from '../../../core/wallet/payouts';
import type { TimerReport } from '../../../core/contracts/order';
import { orderErrors } from '../../../core/order/errors';
import { loadMember } from '../member/access';
import type { ServiceDeps } from '../order/deps';
import { refuse, Refusal, transact } from '../order/transact';
import type { PaymentProvider } from '../payment/port';
import { writeAudit } from '../staff/audit';
import { walletErrors } from './errors';
import { applyWalletInTx, hashId, readWalletInTx } from './ledger';
import { WalletCollections, type WalletAccountDoc, type WalletPayoutDoc, type WalletRefundDoc, type WalletTopUpDoc } from './records';

/**
 * Principal refund (本金退款): the customer asks for the unspent principal
 * back; an operator approves; in the approving transaction the principal
 * leaves the wallet (cause `payout:<refundId>`), the gift is forfeited in
 * proportion (core/wallet/buckets giftForfeitFor: all of it when all the
 * principal goes) and one payout per original top-up trade is recorded DUE,
 * newest top-up first (core/wallet/payouts). The payouts are then made
 * through the payment provider OUTSIDE any transaction (right after the
 * approval and by the wallet's tick), each idempotent by its out_refund_no
 * `W<refundId>-<n>`, leased so two runs never both call the provider.
 */

const STATUS_LABELS: Record<PrincipalRefundStatus, string> = { PENDING: '待审核', APPROVED: '退款中', REJECTED: '已驳回', DONE: '已退款' };

export const refundIdOf = (openid: string, requestId: string): string => `wr_${hashId(`${openid}\n${requestId}`)}`;

export function refundView(doc: WalletRefundDoc & { _id: string }, member?: string): PrincipalRefundView {
  return {
    refundId: doc._id,
    status: doc.status,
    statusLabel: STATUS_LABELS[doc.status],
    principalFen: doc.principalFen,
    giftForfeitFen: doc.giftForfeitFen,
    reason: doc.reason,
    requestedAt: doc.requestedAt,
    reviewedAt: doc.reviewedAt,
    doneAt: doc.doneAt,
    note: doc.note,
    ...(member !== undefined ? { member } : {}),
  };
}

/** `wallet.requestRefund`: one open request per member; the same requestId answers the same request. */
export async function requestPrincipalRefund(deps: ServiceDeps, openid: string, input: { requestId: string; reason: string }): Promise<PrincipalRefundView> {
  if (!(await loadMember(deps.db, openid))) throw walletErrors.memberRequired();
  const refundId = refundIdOf(openid, input.requestId);
  const doc = await transact(deps.db, async (tx) => {
    const now = deps.now();
    const ref = tx.collection<WalletRefundDoc>(WalletCollections.refunds).doc(refundId);
    const existing = (await ref.get()).data;
    if (existing) return existing;
    const account = await readWalletInTx(tx, openid, now);
    if (account.openRefundId) return refuse(walletErrors.refundPending());
    if (account.principalFen <= 0) return refuse(walletErrors.nothingToRefund());
    const created: WalletRefundDoc = {
      openid,
      requestId: input.requestId,
      status: 'PENDING',
      reason: input.reason,
      principalFen: account.principalFen,
      giftForfeitFen: giftForfeitFor(account, account.principalFen),
      requestedAt: now,
      reviewedAt: null,
      reviewedBy: null,
      note: '',
      payoutIds: [],
      doneAt: null,
      openKey: openid,
    };
    await ref.set(created);
    await tx.collection<WalletAccountDoc>(WalletCollections.accounts).doc(openid).set({ ...account, openRefundId: refundId, updatedAt: now });
    return { ...created, _id: refundId };
  });
  return refundView(doc);
}

/** `wallet.myRefunds`: the member's requests, newest first. */
export async function myPrincipalRefunds(deps: ServiceDeps, openid: string): Promise<{ items: PrincipalRefundView[] }> {
  const { data } = await deps.db.collection<WalletRefundDoc>(WalletCollections.refunds).where({ openid }).orderBy('requestedAt', 'desc').limit(20).get();
  return { items: data.map((d) => refundView(d)) };
}

/** `wallet.opsRefunds` (operator): requests, newest first, with the member's masked nickname. */
export async function opsPrincipalRefunds(deps: ServiceDeps, input: { status?: PrincipalRefundStatus }): Promise<{ items: PrincipalRefundView[] }> {
  const where = input.status ? { status: input.status } : {};
  const { data } = await deps.db.collection<WalletRefundDoc>(WalletCollections.refunds).where(where).orderBy('requestedAt', 'desc').limit(50).get();
  const items: PrincipalRefundView[] = [];
  for (const d of data) {
    const member = await loadMember(deps.db, d.openid);
    items.push(refundView(d, maskName(member?.nickname ?? '会员')));
  }
  return { items };
}

export const maskName = (name: string): string => (name.length <= 1 ? `${name}*` : `${name[0]}${'*'.repeat(Math.min(3, name.length - 1))}`);

/** `wallet.reviewRefund` (operator): approve (the money leaves the wallet, payouts due, then paid) or reject. Audited. */
export async function reviewPrincipalRefund(
  deps: ServiceDeps,
  provider: PaymentProvider | null,
  operator: string,
  input: { refundId: string; decision: 'approve' | 'reject'; note: string },
): Promise<PrincipalRefundView> {
  const first = (await deps.db.collection<WalletRefundDoc>(WalletCollections.refunds).doc(input.refundId).get()).data[0];
  if (!first) throw walletErrors.refundNotFound();
  // The member's paid top-ups (their trades), read before the transaction; each is read again inside it.
  const { data: paidTopUps } = await deps.db.collection<WalletTopUpDoc>(WalletCollections.topUps).where({ openid: first.openid, status: 'PAID' }).orderBy('paidAt', 'desc').limit(100).get();

  const doc = await transact(deps.db, async (tx) => {
    const now = deps.now();
    const ref = tx.collection<WalletRefundDoc>(WalletCollections.refunds).doc(input.refundId);
    const refund = (await ref.get()).data;
    if (!refund) return refuse(walletErrors.refundNotFound());
    if (refund.status !== 'PENDING') {
      const same = (refund.status === 'REJECTED') === (input.decision === 'reject');
      return same ? refund : refuse(walletErrors.refundNotPending());
    }
    const account = await readWalletInTx(tx, refund.openid, now);
    const accountRef = tx.collection<WalletAccountDoc>(WalletCollections.accounts).doc(refund.openid);
    if (input.decision === 'reject') {
      const patch = { status: 'REJECTED' as const, reviewedAt: now, reviewedBy: operator, note: input.note, openKey: input.refundId };
      await ref.update(patch);
      if (account.openRefundId === input.refundId) await accountRef.set({ ...account, openRefundId: null, updatedAt: now });
      return { ...refund, ...patch };
    }

    const principal = account.principalFen;
    const topUps: TopUpPayment[] = [];
    const topUpRefs = new Map<string, WalletTopUpDoc>();
    for (const t of paidTopUps) {
      const fresh = (await tx.collection<WalletTopUpDoc>(WalletCollections.topUps).doc(t._id).get()).data;
      if (!fresh || fresh.status !== 'PAID' || !fresh.outTradeNo) continue;
      topUpRefs.set(t._id, fresh);
      topUps.push({ orderId: t._id, outTradeNo: fresh.outTradeNo, paidFen: fresh.payFen, refundedFen: fresh.refundedFen, paidAt: fresh.paidAt ?? 0 });
    }
    const lines = allocatePayout(topUps, principal);
    if (!lines) return refuse(walletErrors.refundUncovered());
    const forfeit = giftForfeitFor(account, principal);

    const applied = await applyWalletInTx(
      tx,
      deps,
      {
        openid: refund.openid,
        cause: walletCause.payout(input.refundId),
        principal: { deltaFen: -principal, kind: 'principalRefund' },
        gift: { deltaFen: -forfeit, kind: 'giftForfeit' },
        refId: input.refundId,
        title: '原路退回',
        rollup: { refundedFen: principal },
      },
      now,
    );
    if (applied instanceof Refusal) return applied;
    const payoutIds: string[] = [];
    for (const [i, line] of lines.entries()) {
      const payoutId = payoutRefundNo(input.refundId.replace(/^wr_/, ''), i);
      payoutIds.push(payoutId);
      await tx.collection<WalletPayoutDoc>(WalletCollections.payouts).doc(payoutId).set({
        ...line,
        refundId: input.refundId,
        openid: refund.openid,
        status: 'DUE',
        attempts: 0,
        leaseUntil: 0,
        lastError: null,
        providerRefundId: null,
        createdAt: now,
        doneAt: null,
      });
      const t = topUpRefs.get(line.orderId)!;
      await tx.collection<WalletTopUpDoc>(WalletCollections.topUps).doc(line.orderId).update({ refundedFen: t.refundedFen + line.amountFen });
    }
    const done = payoutIds.length === 0;
    const patch = {
      status: (done ? 'DONE' : 'APPROVED') as PrincipalRefundStatus,
      principalFen: principal,
      giftForfeitFen: forfeit,
      reviewedAt: now,
      reviewedBy: operator,
      note: input.note,
      payoutIds,
      doneAt: done ? now : null,
      openKey: input.refundId,
    };
    await ref.update({ ...patch, payoutIds: deps.db.command.set(payoutIds) });
    await accountRef.update({ openRefundId: null });
    return { ...refund, ...patch };
  });
  await writeAudit(deps.db, {
    staffOpenid: operator,
    storeId: '',
    action: 'walletReviewRefund',
    target: input.refundId,
    result: 'ok',
    detail: `${input.decision === 'approve' ? '同意' : '驳回'} 本金 ${doc.principalFen} 分`,
    at: deps.now(),
  });
  if (input.decision === 'approve' && provider) await processPayouts(deps, provider).catch((error) => deps.log.error('wallet payouts failed; the tick retries', { error }));
  return refundView({ ...doc, _id: input.refundId });
}

const LEASE_MS = 2 * 60_000;
const BATCH = 20;

/** The tick's payouts: DUE ones, oldest first, each claimed by a lease, refunded through the provider, then marked DONE (and the request once all are). */
export async function processPayouts(deps: ServiceDeps, provider: PaymentProvider | null): Promise<TimerReport> {
  const _ = deps.db.command;
  const payouts = deps.db.collection<WalletPayoutDoc>(WalletCollections.payouts);
  const { data: due } = await payouts.where({ status: 'DUE', leaseUntil: _.lte(deps.now()) }).orderBy('createdAt', 'asc').limit(BATCH).get();
  const report: TimerReport = { scanned: due.length, changed: 0 };
  if (due.length === 0) return report;
  if (!provider) throw orderErrors.paymentUnavailable();
  for (const payout of due) {
    const now = deps.now();
    const claim = await payouts.where({ _id: payout._id, status: 'DUE', leaseUntil: _.lte(now) }).update({ leaseUntil: now + LEASE_MS, attempts: _.inc(1) });
    if (claim.updated !== 1) continue;
    let providerRefundId: string | null;
    try {
      const receipt = await provider.refund({ orderId: payout.orderId, outTradeNo: payout.outTradeNo, refundNo: payout._id, amount: payout.amountFen, total: payout.totalFen });
      providerRefundId = receipt.providerRefundId;
    } catch (error) {
      const attempts = payout.attempts + 1;
      deps.log.error('wallet payout failed; will retry', { payoutId: payout._id, attempts, error });
      await payouts.doc(payout._id).update({ lastError: error instanceof Error ? error.message : String(error), leaseUntil: now + Math.min(attempts, 30) * 60_000 });
      continue;
    }
    const changed = await transact(deps.db, async (tx) => {
      const ref = tx.collection<WalletPayoutDoc>(WalletCollections.payouts).doc(payout._id);
      const fresh = (await ref.get()).data;
      if (!fresh || fresh.status === 'DONE') return false;
      await ref.update({ status: 'DONE', doneAt: now, providerRefundId, leaseUntil: 0 });
      const refundRef = tx.collection<WalletRefundDoc>(WalletCollections.refunds).doc(fresh.refundId);
      const refund = (await refundRef.get()).data;
      if (refund && refund.status === 'APPROVED') {
        let allDone = true;
        for (const id of refund.payoutIds) {
          if (id === payout._id) continue;
          if ((await tx.collection<WalletPayoutDoc>(WalletCollections.payouts).doc(id).get()).data?.status !== 'DONE') allDone = false;
        }
        if (allDone) await refundRef.update({ status: 'DONE', doneAt: now });
      }
      return true;
    });
    if (changed) report.changed += 1;
  }
  return report;
}
