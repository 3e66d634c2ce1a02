import type { RecordPurchaseInput, RecordPurchaseResult } from '../../../core/contracts/staff';
import { growthForPaid } from '../../../core/member/growth';
import { tierOfGrowth } from '../../../core/member/tiers';
import { formatPrice } from '../../../core/money';
import { pointsEarnedFor } from '../../../core/points/earn';
import type { Transaction } from '../../db';
import { requireStaffOfStore } from '../../kit/guards';
import type { Caller } from '../../kit/types';
import { readMemberInTx, type Member } from '../member/access';
import { growthEntryId, MemberCollections, type GrowthEntryDoc, type MemberDoc } from '../member/records';
import { loadTiersInTx } from '../member/settings';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { applyPointsInTx, readAccountInTx } from '../points/ledger';
import { loadPointsSettingsInTx } from '../points/settings';
import { auditingRefusals, writeAuditInTx } from './audit';
import { staffErrors } from './errors';
import { memberOfCounterSession } from './counter-session';
import { memberOfCode } from './member-of-code';
import { inStorePointsSource, receiptDocId, StaffCollections, type InStoreReceiptDoc } from './records';

type PurchaseRequest = Pick<RecordPurchaseInput, 'sessionId' | 'memberCode'> & Required<Pick<RecordPurchaseInput, 'storeId' | 'amount' | 'receiptNo'>>;

/**
 * An in-store purchase earns the member points (at their tier's multiplier)
 * and growth, exactly once per receipt number of the store: the receipt
 * record, the ledger entry (`instore:<storeId>:<receiptNo>`), the growth and
 * the audit entry are written in one transaction. A repeated receipt answers
 * what it earned the first time with `duplicate: true`. The member is the
 * one of the caller's counter session (opened by `scan`, ten minutes), or of
 * a live member code.
 */
export async function recordPurchase(deps: ServiceDeps, caller: Caller, input: PurchaseRequest): Promise<RecordPurchaseResult> {
  requireStaffOfStore(caller, input.storeId);
  const staffOpenid = caller.openid ?? '';
  const now = deps.now();
  const audit = { staffOpenid, storeId: input.storeId, action: 'recordPurchase' as const, target: input.receiptNo, at: now };
  return auditingRefusals(deps.db, audit, async () => {
    const member = input.sessionId
      ? await memberOfCounterSession(deps.db, input.sessionId, staffOpenid, input.storeId, now)
      : await memberOfCode(deps.db, input.memberCode ?? '', now);
    return transact(deps.db, async (tx) => {
      const receiptRef = tx.collection<InStoreReceiptDoc>(StaffCollections.receipts).doc(receiptDocId(input.storeId, input.receiptNo));
      const earlier = (await receiptRef.get()).data;
      if (earlier) {
        const account = await readAccountInTx(tx, earlier.openid, now);
        const earner = earlier.openid === member.openid ? member : await readMemberInTx(tx, earlier.openid);
        await writeAuditInTx(tx, { ...audit, result: 'duplicate' });
        return resultOf(earlier, earner?.nickname ?? '', account.balance, true);
      }
      const current = await readMemberInTx(tx, member.openid);
      if (!current) return refuse(staffErrors.memberCodeInvalid());
      const receipt = await creditInTx(tx, current, input, staffOpenid, now);
      await receiptRef.set(receipt.doc);
      await writeAuditInTx(tx, { ...audit, result: 'ok' });
      return resultOf(receipt.doc, current.nickname, receipt.balance, false);
    });
  });
}

/** Growth += the amount; points at the tier the member had before this purchase. */
async function creditInTx(
  tx: Transaction,
  member: Member,
  input: PurchaseRequest,
  staffOpenid: string,
  now: number,
): Promise<{ doc: InStoreReceiptDoc; balance: number }> {
  const source = inStorePointsSource(input.storeId, input.receiptNo);
  const tier = tierOfGrowth(await loadTiersInTx(tx), member.growth);
  const settings = await loadPointsSettingsInTx(tx);
  const points = pointsEarnedFor(input.amount, tier.pointsMultiplier, settings.pointsPerYuan);
  const growth = growthForPaid(input.amount);

  const growthRef = tx.collection<GrowthEntryDoc>(MemberCollections.growth).doc(growthEntryId(member.openid, 'paid', source));
  await growthRef.set({ openid: member.openid, kind: 'paid', orderId: source, delta: growth, growthAfter: member.growth + growth, createdAt: now });
  await tx.collection<MemberDoc>(MemberCollections.members).doc(member.openid).update({ growth: member.growth + growth, updatedAt: now });

  let balance = (await readAccountInTx(tx, member.openid, now)).balance;
  if (points > 0) {
    const note = `门店消费 ${formatPrice(input.amount)}（${tier.name} ×${tier.pointsMultiplier}）`;
    ({ balance } = await applyPointsInTx(tx, { id: source, openid: member.openid, delta: points, kind: 'instore', note, refId: input.receiptNo }, now));
  }
  const doc: InStoreReceiptDoc = {
    storeId: input.storeId,
    receiptNo: input.receiptNo,
    memberId: member.memberId,
    openid: member.openid,
    amount: input.amount,
    points,
    growth,
    staffOpenid,
    createdAt: now,
  };
  return { doc, balance };
}

function resultOf(receipt: InStoreReceiptDoc, nickname: string, balance: number, duplicate: boolean): RecordPurchaseResult {
  return {
    memberId: receipt.memberId,
    nickname,
    receiptNo: receipt.receiptNo,
    amount: receipt.amount,
    points: receipt.points,
    balance,
    duplicate,
  };
}
