import { isAppError } from '../../../core/errors';
import { countsAsFirstOrder, inviteRewardId, rewardDueAt, underDailyCap, type RewardSide } from '../../../core/growth/reward';
import type { InviteRewardSide, InviteSettings } from '../../../core/growth/settings';
import type { Order } from '../../../core/order/types';
import { chinaDay } from '../../../core/points/china-day';
import type { Transaction } from '../../db';
import type { Logger } from '../../kit/types';
import { applyPointsInTx } from '../points/ledger';
import { issueCouponInTx } from '../promotion/issue';
import { GrowthCollections, type InviteDoc, type RewardDayDoc, type RewardPartDoc } from './records';
import { loadInviteSettingsInTx } from './settings';

/**
 * Invite rewards (老带新奖励), inside the transaction of the event that makes
 * them due: the order's completion (order hook `completed`) or the timer's
 * sweep (N days after payment, no refund). Each side's points and coupon have
 * the id `invite-reward:<invitee>:<side>` (points ledger source, coupon id),
 * and the binding moves to `rewarded` in the same transaction, so a re-run, a
 * second timer or a completion racing the sweep give nothing twice.
 *
 * Daily cap: an inviter earns at most `dailyCapPerInviter` rewards a Shanghai
 * day; over it the inviter's part is `capped` (never given later) and the
 * invitee's part is still given.
 */

export const readInviteInTx = async (tx: Transaction, invitee: string): Promise<InviteDoc | null> =>
  (await tx.collection<InviteDoc>(GrowthCollections.invites).doc(invitee).get()).data;

/** The payment hook: the invitee's first paid order after the binding starts the reward's clock. */
export async function markFirstOrderInTx(tx: Transaction, order: Order, now: number): Promise<void> {
  if (!countsAsFirstOrder(order)) return;
  const binding = await readInviteInTx(tx, order.openid);
  if (!binding || binding.state !== 'bound') return;
  const settings = await loadInviteSettingsInTx(tx);
  const paidAt = order.paidAt ?? now;
  await tx.collection<InviteDoc>(GrowthCollections.invites).doc(order.openid).update({
    state: 'ordered',
    orderId: order._id,
    orderPaidAt: paidAt,
    dueAt: rewardDueAt(paidAt, settings.rewardDelayDays),
    updatedAt: now,
  });
}

/** The completion hook: the first order completed, so it is no longer refundable. */
export async function rewardOnCompletionInTx(tx: Transaction, order: Order, now: number, log: Logger): Promise<void> {
  const binding = await readInviteInTx(tx, order.openid);
  if (!binding || binding.state !== 'ordered' || binding.orderId !== order._id) return;
  const settings = await loadInviteSettingsInTx(tx);
  // Off: the sweep gives it once the operators switch rewards back on.
  if (!settings.enabled) return;
  await grantInviteRewardInTx(tx, binding, settings, now, log);
}

/** The refund hook: a first order refunded before its reward was due voids the reward for good. */
export async function voidOnRefundInTx(tx: Transaction, order: Order, now: number): Promise<void> {
  const binding = await readInviteInTx(tx, order.openid);
  if (!binding || binding.state !== 'ordered' || binding.orderId !== order._id) return;
  await voidInviteInTx(tx, binding, now);
}

export async function voidInviteInTx(tx: Transaction, binding: InviteDoc, now: number): Promise<void> {
  const none = (side: InviteRewardSide | null): RewardPartDoc => ({ state: 'void', points: 0, couponTemplateId: side?.couponTemplateId ?? null, couponIssued: false });
  await tx
    .collection<InviteDoc>(GrowthCollections.invites)
    .doc(binding.invitee)
    .update({ state: 'refunded', dueAt: null, rewards: { inviter: none(null), invitee: none(null) }, updatedAt: now });
}

/**
 * Gives both sides' rewards for an `ordered` binding (already read in `tx`)
 * and marks it `rewarded`. Safe to re-run: every write is decided from what
 * `tx` read, and every effect has its deterministic id.
 */
export async function grantInviteRewardInTx(tx: Transaction, binding: InviteDoc, settings: InviteSettings, now: number, log: Logger): Promise<void> {
  const day = chinaDay(now);
  const dayRef = tx.collection<RewardDayDoc>(GrowthCollections.rewardDays).doc(`${binding.inviter}:${day}`);
  const givenToday = (await dayRef.get()).data?.count ?? 0;
  const inviterAllowed = underDailyCap(givenToday, settings.dailyCapPerInviter);

  const inviter: RewardPartDoc = inviterAllowed
    ? await givePartInTx(tx, binding, 'inviter', settings.inviter, now, log)
    : { state: 'capped', points: 0, couponTemplateId: settings.inviter.couponTemplateId, couponIssued: false };
  const invitee = await givePartInTx(tx, binding, 'invitee', settings.invitee, now, log);
  if (inviterAllowed) await dayRef.set({ inviter: binding.inviter, day, count: givenToday + 1, updatedAt: now });

  await tx
    .collection<InviteDoc>(GrowthCollections.invites)
    .doc(binding.invitee)
    .update({ state: 'rewarded', rewardedAt: now, dueAt: null, rewards: { inviter, invitee }, updatedAt: now });
}

async function givePartInTx(tx: Transaction, binding: InviteDoc, side: RewardSide, reward: InviteRewardSide, now: number, log: Logger): Promise<RewardPartDoc> {
  const openid = side === 'inviter' ? binding.inviter : binding.invitee;
  const id = inviteRewardId(binding.invitee, side);
  let points = 0;
  if (reward.points > 0) {
    const note = side === 'inviter' ? '邀请好友奖励' : '好友邀请奖励';
    await applyPointsInTx(tx, { id, openid, delta: reward.points, kind: 'gift', note, refId: binding.orderId ?? undefined }, now);
    points = reward.points;
  }
  let couponIssued = false;
  if (reward.couponTemplateId) {
    try {
      couponIssued = (await issueCouponInTx(tx, { couponId: id, openid, templateId: reward.couponTemplateId, source: 'gift' }, now)).issued;
    } catch (error) {
      if (!(isAppError(error) && error.code === 'COUPON_TEMPLATE_NOT_FOUND')) throw error;
      log.warn('invite reward coupon template missing: points given without the coupon', { templateId: reward.couponTemplateId, side });
    }
  }
  return { state: 'given', points, couponTemplateId: reward.couponTemplateId, couponIssued };
}
