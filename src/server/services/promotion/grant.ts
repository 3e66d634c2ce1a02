import { createHash } from 'crypto';
import type { GrantResult, GrantSkipReason } from '../../../core/contracts/coupon';
import { couponErrors } from '../../../core/coupon/errors';
import { couponFromTemplate } from '../../../core/coupon/issue';
import type { CouponDoc, CouponTemplateDoc } from '../../../core/coupon/types';
import { validityOpen } from '../../../core/coupon/validity';
import type { DbCommand, Transaction } from '../../db';
import { assertSameInput, inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import { MemberCollections, type MemberDoc } from '../member/records';
import type { ServiceDeps } from '../order/deps';
import { refuse, transact } from '../order/transact';
import { newCouponCode } from './coupon-code';
import { auditingRefusals, auditOperatorInTx } from './ops-audit';
import { claimCountId, PromotionCollections, type ClaimCountDoc, type CouponGrantDoc } from './records';
import { templateEnded, templateStopped } from './templates';

/**
 * Operators grant a template's coupon to chosen members (coupon.grant); the
 * campaign engine grants through `grantToMembers` / `grantCouponInTx` too.
 *
 * Each member's coupon has an id derived from (grant key, template, member),
 * so a retried, resumed or concurrent run of the same grant finds the coupon
 * already there and issues nobody twice. Members are granted in chunks of
 * GRANT_CHUNK, one small transaction each (CloudBase transactions must stay
 * well inside 30 s): the template's total (`claimed` counts claims and grants
 * together) and each member's limit (`coupon_claims`, shared with the claim
 * center) are checked and counted in the same transaction as the coupons.
 */

export const COUPON_GRANT_SCOPE = 'coupon.grant';
/** Members per transaction: per member 3 reads (coupon, member, count) and up to 2 writes, plus the template. */
export const GRANT_CHUNK = 20;

export type MemberGrantOutcome = { openid: string; granted: true; couponId: string } | { openid: string; granted: false; reason: GrantSkipReason };

/** The coupon one grant gives one member: the same on every run of that grant. */
export function grantCouponId(grantKey: string, templateId: string, openid: string): string {
  return `grant:${createHash('sha256').update(`${grantKey}\n${templateId}\n${openid}`).digest('hex').slice(0, 32)}`;
}

/**
 * Inside the caller's transaction: the grant's coupon for each of `openids`
 * (distinct), once. A member who holds it already counts as granted; others
 * are skipped with a reason (not a member, total or member limit reached,
 * template stopped or over). Safe to re-run: it decides from what `tx` reads.
 */
export async function grantChunkInTx(
  tx: Transaction,
  command: { templateId: string; grantKey: string; openids: readonly string[]; campaignId?: string },
  now: number,
  _: DbCommand,
): Promise<MemberGrantOutcome[]> {
  const templateRef = tx.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(command.templateId);
  const template = (await templateRef.get()).data;
  if (!template) throw couponErrors.templateNotFound(command.templateId);
  const closed: GrantSkipReason | null =
    template.status !== 'ACTIVE' ? 'COUPON_TEMPLATE_STOPPED' : !validityOpen(template.validity, now) ? 'COUPON_TEMPLATE_ENDED' : null;

  const outcomes: MemberGrantOutcome[] = [];
  let issued = template.claimed;
  let grantedNow = 0;
  for (const openid of command.openids) {
    const couponId = grantCouponId(command.grantKey, command.templateId, openid);
    const skip = (reason: GrantSkipReason) => outcomes.push({ openid, granted: false, reason });
    const couponRef = tx.collection<CouponDoc>(PromotionCollections.coupons).doc(couponId);
    if ((await couponRef.get()).data) {
      outcomes.push({ openid, granted: true, couponId });
      continue;
    }
    if (closed) {
      skip(closed);
      continue;
    }
    if (!(await tx.collection<MemberDoc>(MemberCollections.members).doc(openid).get()).data) {
      skip('NOT_A_MEMBER');
      continue;
    }
    if (template.totalQuantity !== null && issued >= template.totalQuantity) {
      skip('COUPON_SOLD_OUT');
      continue;
    }
    const countRef = tx.collection<ClaimCountDoc>(PromotionCollections.claimCounts).doc(claimCountId(command.templateId, openid));
    const held = (await countRef.get()).data?.count ?? 0;
    if (held >= template.perMemberLimit) {
      skip('COUPON_CLAIM_LIMIT');
      continue;
    }
    const coupon = couponFromTemplate(template, { openid, templateId: command.templateId, source: 'grant', code: newCouponCode() }, now);
    await couponRef.set(command.campaignId ? { ...coupon, campaignId: command.campaignId } : coupon);
    await countRef.set({ templateId: command.templateId, openid, count: held + 1, updatedAt: now });
    issued += 1;
    grantedNow += 1;
    outcomes.push({ openid, granted: true, couponId });
  }
  if (grantedNow > 0) await templateRef.update({ claimed: _.inc(grantedNow), granted: _.inc(grantedNow), updatedAt: now });
  return outcomes;
}

/** One member, inside the caller's transaction (the campaign engine's per-member step). */
export async function grantCouponInTx(
  tx: Transaction,
  command: { templateId: string; grantKey: string; openid: string; campaignId?: string },
  now: number,
  _: DbCommand,
): Promise<MemberGrantOutcome> {
  const { openid, ...rest } = command;
  const [outcome] = await grantChunkInTx(tx, { ...rest, openids: [openid] }, now, _);
  return outcome;
}

/** Grants to every member of `openids` (duplicates once), a chunk per transaction, in order. */
export async function grantToMembers(
  deps: ServiceDeps,
  command: { templateId: string; grantKey: string; openids: readonly string[] },
  now: number,
): Promise<MemberGrantOutcome[]> {
  const openids = [...new Set(command.openids)];
  const outcomes: MemberGrantOutcome[] = [];
  for (let start = 0; start < openids.length; start += GRANT_CHUNK) {
    const chunk = openids.slice(start, start + GRANT_CHUNK);
    outcomes.push(...(await deps.db.runTransaction((tx) => grantChunkInTx(tx, { ...command, openids: chunk }, now, deps.db.command))));
  }
  return outcomes;
}

export function grantResultOf(outcomes: readonly MemberGrantOutcome[]): GrantResult {
  const skipped: GrantResult['skipped'] = [];
  for (const o of outcomes) if (!o.granted) skipped.push({ openid: o.openid, reason: o.reason });
  return { granted: outcomes.length - skipped.length, skipped };
}

const grantAuditId = (requestId: string): string => `au_grant_${createHash('sha256').update(requestId).digest('hex').slice(0, 24)}`;

/**
 * coupon.grant: the operator's grant of `templateId` to `openids`, keyed by
 * `requestId`. The grant record (`coupon_grants/{requestId}`) binds the key
 * to its input before any coupon is issued; a repeat with the same members
 * resumes or answers the first result, with others it is
 * IDEMPOTENCY_KEY_REUSED. A stopped or ended template is refused before
 * anything is written; members are then granted or skipped one by one.
 */
export async function grantCoupons(
  deps: ServiceDeps,
  operatorOpenid: string,
  input: { templateId: string; openids: string[]; requestId: string },
): Promise<GrantResult> {
  const now = deps.now();
  const openids = [...new Set(input.openids)].sort();
  // The members as a set: the same members in another order are the same grant.
  const fingerprint = inputFingerprint(COUPON_GRANT_SCOPE, operatorOpenid, { templateId: input.templateId, openids });
  return auditingRefusals(deps.db, { operatorOpenid, action: 'grantCoupon', target: input.templateId, at: now }, async () => {
    const grants = deps.db.collection<CouponGrantDoc>(PromotionCollections.grants);
    const earlier = (await grants.doc(input.requestId).get()).data[0];
    if (earlier) {
      assertSameInput(earlier.inputHash, fingerprint);
      if (earlier.status === 'DONE') return { granted: earlier.granted ?? 0, skipped: (earlier.skipped ?? []) as GrantResult['skipped'] };
    } else {
      await refuseClosedTemplate(deps, input.templateId, now);
    }

    await transact(deps.db, async (tx) => {
      const ref = tx.collection<CouponGrantDoc>(PromotionCollections.grants).doc(input.requestId);
      const stored = (await ref.get()).data;
      if (stored) {
        const reused = reusedKeyError(stored.inputHash, fingerprint);
        return reused ? refuse(reused) : null;
      }
      await ref.set({
        templateId: input.templateId,
        operatorOpenid,
        inputHash: fingerprint,
        status: 'RUNNING',
        granted: null,
        skipped: null,
        createdAt: now,
        updatedAt: now,
      });
      return null;
    });

    const result = grantResultOf(await grantToMembers(deps, { templateId: input.templateId, grantKey: input.requestId, openids }, now));
    return transact(deps.db, async (tx): Promise<GrantResult> => {
      const ref = tx.collection<CouponGrantDoc>(PromotionCollections.grants).doc(input.requestId);
      const stored = (await ref.get()).data;
      // A concurrent run of the same grant finished first: its answer stands.
      if (stored?.status === 'DONE') return { granted: stored.granted ?? 0, skipped: (stored.skipped ?? []) as GrantResult['skipped'] };
      await ref.update({ status: 'DONE', granted: result.granted, skipped: result.skipped, updatedAt: now });
      await auditOperatorInTx(tx, grantAuditId(input.requestId), {
        operatorOpenid,
        action: 'grantCoupon',
        target: input.templateId,
        result: 'ok',
        detail: `发放 ${result.granted} 人${result.skipped.length > 0 ? `，跳过 ${result.skipped.length} 人` : ''}`,
        at: now,
      });
      return result;
    });
  });
}

async function refuseClosedTemplate(deps: ServiceDeps, templateId: string, now: number): Promise<void> {
  const { data } = await deps.db.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(templateId).get();
  const template = data[0];
  if (!template) throw couponErrors.templateNotFound(templateId);
  if (template.status !== 'ACTIVE') throw templateStopped(templateId);
  if (!validityOpen(template.validity, now)) throw templateEnded(templateId);
}
