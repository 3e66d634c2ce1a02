import type { StoreChargeStatus, StoreChargeView } from '../../../core/contracts/wallet';
import { walletCause } from '../../../core/wallet/entries';
import { CHARGE_CONFIRM_MS, DEFAULT_CONFIRM_ABOVE_FEN, needsCustomerConfirm } from '../../../core/wallet/payouts';
import type { TimerReport } from '../../../core/contracts/order';
import { MAX_CONFIRM_ABOVE_FEN } from '../../../core/contracts/settings';
import type { Db } from '../../db';
import { requireStaffOfStore } from '../../kit/guards';
import type { Caller } from '../../kit/types';
import type { ServiceDeps } from '../order/deps';
import { forEachDue } from '../order/due-sweep';
import { refuse, Refusal, transact } from '../order/transact';
import { auditingRefusals, writeAuditInTx } from '../staff/audit';
import { memberOfCode } from '../staff/member-of-code';
import { walletErrors } from './errors';
import { applyWalletInTx } from './ledger';
import { maskName } from './principal-refund';
import { chargeIdOf, WalletCollections, type WalletChargeDoc } from './records';

/**
 * In-store charges (门店储值消费). Staff of the store scan the member's code
 * (it refreshes on the customer's phone: scanning it proves they are at
 * the counter), enter the amount and the receipt number. One charge per
 * (store, receipt): a retry answers the same charge; the same receipt with
 * another member or amount is RECEIPT_REUSED. At most the threshold
 * (settings `wallet.confirmAboveFen`, default ¥200) is charged at once;
 * above it the charge waits AWAITING_CONFIRM until the customer confirms
 * on their phone (5 minutes). Every charge, and every refusal, is audited
 * (`walletCharge`), the charge in its own transaction.
 */

export const WALLET_SETTINGS_ID = 'wallet';
/** `settings/wallet`: operator-editable (system.updateSettings, the 储值 group of the settings page). */
export interface WalletSettingsDoc {
  confirmAboveFen?: number;
  updatedAt?: number;
  updatedBy?: string;
}

/** Read on every charge, never cached: an operator's change applies to the next charge. */
export async function confirmAboveFen(db: Db): Promise<number> {
  const { data } = await db.collection<WalletSettingsDoc>('settings').doc(WALLET_SETTINGS_ID).get();
  return confirmAboveFenOf(data[0]);
}

/** The document's `confirmAboveFen` (whole fen, 0 – ¥50,000), else ¥200; the settings page shows the same. */
export function confirmAboveFenOf(doc: WalletSettingsDoc | null | undefined): number {
  const value = doc?.confirmAboveFen;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_CONFIRM_ABOVE_FEN ? value : DEFAULT_CONFIRM_ABOVE_FEN;
}

const STATUS_LABELS: Record<StoreChargeStatus, string> = {
  AWAITING_CONFIRM: '待顾客确认',
  DONE: '扣款成功',
  DECLINED: '顾客已拒绝',
  EXPIRED: '确认超时',
  INSUFFICIENT: '余额不足',
};

export function chargeView(doc: WalletChargeDoc & { _id: string }, forStaff: boolean, nickname?: string): StoreChargeView {
  return {
    chargeId: doc._id,
    status: doc.status,
    statusLabel: STATUS_LABELS[doc.status],
    amountFen: doc.amountFen,
    storeName: doc.storeName,
    receiptNo: doc.receiptNo,
    createdAt: doc.createdAt,
    expiresAt: doc.expiresAt,
    ...(forStaff && nickname !== undefined ? { member: maskName(nickname) } : {}),
    ...(doc.balanceAfterFen !== null ? { balanceAfterFen: doc.balanceAfterFen } : {}),
  };
}

export async function storeCharge(
  deps: ServiceDeps,
  caller: Caller,
  input: { storeId: string; memberCode: string; amountFen: number; receiptNo: string },
): Promise<StoreChargeView> {
  requireStaffOfStore(caller, input.storeId);
  const staffOpenid = caller.openid ?? '';
  const chargeId = chargeIdOf(input.storeId, input.receiptNo);
  const audit = { staffOpenid, storeId: input.storeId, action: 'walletCharge' as const, target: input.receiptNo, at: deps.now() };
  return auditingRefusals(deps.db, audit, async () => {
    const member = await memberOfCode(deps.db, input.memberCode, deps.now());
    const threshold = await confirmAboveFen(deps.db);
    const store = (await deps.db.collection<{ name: string }>('stores').doc(input.storeId).get()).data[0];
    const doc = await transact(deps.db, async (tx) => {
      const now = deps.now();
      const ref = tx.collection<WalletChargeDoc>(WalletCollections.charges).doc(chargeId);
      const existing = (await ref.get()).data;
      if (existing) return existing.openid === member._id && existing.amountFen === input.amountFen ? existing : refuse(walletErrors.receiptReused());
      const base: WalletChargeDoc = {
        openid: member._id,
        storeId: input.storeId,
        storeName: store?.name ?? '门店',
        receiptNo: input.receiptNo,
        amountFen: input.amountFen,
        staffOpenid,
        status: 'AWAITING_CONFIRM',
        createdAt: now,
        expiresAt: now + CHARGE_CONFIRM_MS,
        decidedAt: null,
        balanceAfterFen: null,
      };
      if (needsCustomerConfirm(input.amountFen, threshold)) {
        await ref.set(base);
        await writeAuditInTx(tx, { ...audit, at: now, result: 'ok', detail: `${input.amountFen} 分，待顾客确认` });
        return { ...base, _id: chargeId };
      }
      const done = await debitChargeInTx(tx, deps, chargeId, base, now);
      if (done instanceof Refusal) return done;
      await ref.set(done);
      await writeAuditInTx(tx, { ...audit, at: now, result: 'ok', detail: `${input.amountFen} 分` });
      return { ...done, _id: chargeId };
    });
    return chargeView(doc, true, member.nickname);
  });
}

async function debitChargeInTx(tx: Parameters<typeof applyWalletInTx>[0], deps: ServiceDeps, chargeId: string, charge: WalletChargeDoc, now: number): Promise<WalletChargeDoc | Refusal> {
  const account = (await tx.collection<{ principalFen: number; giftFen: number }>(WalletCollections.accounts).doc(charge.openid).get()).data;
  const principalFen = account?.principalFen ?? 0;
  const giftFen = account?.giftFen ?? 0;
  if (principalFen + giftFen < charge.amountFen) return refuse(walletErrors.insufficient(principalFen + giftFen, charge.amountFen));
  const fromGift = Math.min(giftFen, charge.amountFen); // gift first, as every spend (core/wallet/buckets spendSplit)
  const applied = await applyWalletInTx(
    tx,
    deps,
    {
      openid: charge.openid,
      cause: walletCause.charge(chargeId),
      principal: { deltaFen: -(charge.amountFen - fromGift), kind: 'storeCharge' },
      gift: { deltaFen: -fromGift, kind: 'storeCharge' },
      refId: chargeId,
      title: `${charge.storeName} 小票 ${charge.receiptNo}`,
      rollup: { spentFen: charge.amountFen },
    },
    now,
  );
  if (applied instanceof Refusal) return applied;
  return { ...charge, status: 'DONE', decidedAt: now, balanceAfterFen: applied.account.principalFen + applied.account.giftFen };
}

/** `wallet.confirmCharge` (the customer): accept (the charge is made) or decline a charge awaiting them. */
export async function confirmCharge(deps: ServiceDeps, openid: string, input: { chargeId: string; accept: boolean }): Promise<StoreChargeView> {
  const doc = await transact(deps.db, async (tx) => {
    const now = deps.now();
    const ref = tx.collection<WalletChargeDoc>(WalletCollections.charges).doc(input.chargeId);
    const charge = (await ref.get()).data;
    if (!charge || charge.openid !== openid) return refuse(walletErrors.chargeNotFound());
    if (charge.status !== 'AWAITING_CONFIRM') return charge; // decided already: answer it again
    if (now >= charge.expiresAt) return refuse(walletErrors.chargeExpired());
    const { _id: _ignored, ...plain } = charge;
    if (!input.accept) {
      await ref.update({ status: 'DECLINED', decidedAt: now });
      return { ...charge, status: 'DECLINED' as const, decidedAt: now };
    }
    const done = await debitChargeInTx(tx, deps, input.chargeId, plain, now);
    if (done instanceof Refusal) return done;
    await ref.set(done);
    return { ...done, _id: input.chargeId };
  });
  return chargeView(doc, false);
}

/** `wallet.pendingCharges`: charges waiting for this customer's confirmation. */
export async function pendingCharges(deps: ServiceDeps, openid: string): Promise<{ items: StoreChargeView[] }> {
  const { data } = await deps.db
    .collection<WalletChargeDoc>(WalletCollections.charges)
    .where({ openid, status: 'AWAITING_CONFIRM', expiresAt: deps.db.command.gt(deps.now()) })
    .limit(5)
    .get();
  return { items: data.map((d) => chargeView(d, false)) };
}

/** `wallet.chargeStatus` (staff of its store): the charge as it is now (the counter page polls it while the customer confirms). */
export async function chargeStatus(deps: ServiceDeps, caller: Caller, chargeId: string): Promise<StoreChargeView> {
  const doc = (await deps.db.collection<WalletChargeDoc>(WalletCollections.charges).doc(chargeId).get()).data[0];
  if (!doc) throw walletErrors.chargeNotFound();
  requireStaffOfStore(caller, doc.storeId);
  const member = (await deps.db.collection<{ nickname: string }>('members').doc(doc.openid).get()).data[0];
  return chargeView(doc, true, member?.nickname ?? '会员');
}

/** The tick: charges nobody confirmed in time become EXPIRED (nothing was taken). */
export async function expireCharges(deps: ServiceDeps): Promise<TimerReport> {
  const _ = deps.db.command;
  const report: TimerReport = { scanned: 0, changed: 0 };
  await forEachDue(
    deps.db,
    { collection: WalletCollections.charges, where: () => ({ status: 'AWAITING_CONFIRM', expiresAt: _.lte(deps.now()) }), orderBy: 'expiresAt', batch: 50, maxBatches: 4 },
    async (id) => {
      report.scanned += 1;
      const res = await deps.db.collection(WalletCollections.charges).where({ _id: id, status: 'AWAITING_CONFIRM' }).update({ status: 'EXPIRED', decidedAt: deps.now() });
      if (res.updated === 1) report.changed += 1;
    },
  );
  return report;
}
