import type { MemberProfileDoc, OpenDelivery } from '../../../core/crm/profile';
import { armOf } from '../../../core/crm/holdout';
import { DAY_MS } from '../../../core/points/china-day';
import { chinaTime, outboxId, quotaId } from '../../../core/notify/rules';
import type { Transaction } from '../../db';
import { enqueueInTx } from '../notify/outbox';
import { NotifyCollections, type QuotaDoc } from '../notify/records';
import type { ServiceDeps } from '../order/deps';
import { transact } from '../order/transact';
import { applyPointsInTx } from '../points/ledger';
import { grantCouponInTx } from '../promotion/grant';
import { loadCrmSettingsInTx } from './settings';
import { CrmCollections, ZERO_COUNTERS, type CampaignCounters, type CampaignDoc, type DeliveryDoc } from './records';

/** Members per delivery transaction: per member about 8 reads and 5 writes (delivery, profile, coupon or points, quota, outbox). */
export const DELIVERY_CHUNK = 25;
/** Open deliveries a profile remembers (the oldest window drops out first). */
const MAX_OPEN = 20;

export interface DeliveryTarget {
  openid: string;
  /** A journey's occurrence (the trigger's moment); '' for a campaign, delivered once per member. */
  occurrence: string;
}

export const deliveryIdOf = (campaignId: string, target: DeliveryTarget): string =>
  target.occurrence ? `${campaignId}:${target.openid}:${target.occurrence}` : `${campaignId}:${target.openid}`;

/**
 * One transaction: each target's arm (hash of campaign and openid, never a
 * draw), the incentive for the target arm (a coupon through the promotions'
 * grant, or points), the message when the member has quota and is under the
 * 7-day cap (an outbox entry the notify worker sends), the delivery record,
 * the profile's open window, and the campaign's counters — or, for a member
 * already delivered, nothing. Two concurrent runs conflict on the delivery
 * document and one re-runs and finds it: everyone is delivered once.
 * `advanceCursor` moves a campaign's cursor in the same transaction.
 */
export async function deliverChunk(
  deps: ServiceDeps,
  campaignId: string,
  targets: readonly DeliveryTarget[],
  options: { advanceCursor?: string; journeyMark?: boolean } = {},
): Promise<{ delivered: number; stopped: boolean }> {
  const _ = deps.db.command;
  return transact(deps.db, async (tx) => {
    const now = deps.now();
    const campaignRef = tx.collection<CampaignDoc>(CrmCollections.campaigns).doc(campaignId);
    const campaign = (await campaignRef.get()).data;
    if (!campaign || campaign.state !== 'RUNNING') return { delivered: 0, stopped: true };
    const settings = await loadCrmSettingsInTx(tx);
    const delta: CampaignCounters = { ...ZERO_COUNTERS };
    let delivered = 0;
    for (const target of targets) {
      if (await deliverOneInTx(tx, deps, { ...campaign, _id: campaignId }, target, settings.campaign.messagesPer7Days, delta, now)) delivered += 1;
    }
    const inc = Object.fromEntries(Object.entries(delta).filter(([, n]) => n > 0).map(([key, n]) => [`counters.${key}`, _.inc(n)]));
    if (delivered > 0 || options.advanceCursor !== undefined) {
      await campaignRef.update({ ...inc, ...(options.advanceCursor !== undefined ? { cursor: options.advanceCursor } : {}), updatedAt: now });
    }
    return { delivered, stopped: false };
  });
}

async function deliverOneInTx(
  tx: Transaction,
  deps: ServiceDeps,
  campaign: CampaignDoc & { _id: string },
  target: DeliveryTarget,
  messageCap: number,
  delta: CampaignCounters,
  now: number,
): Promise<boolean> {
  const deliveryId = deliveryIdOf(campaign._id, target);
  const deliveryRef = tx.collection<DeliveryDoc>(CrmCollections.deliveries).doc(deliveryId);
  if ((await deliveryRef.get()).data) return false;
  const profileRef = tx.collection<MemberProfileDoc>(CrmCollections.profiles).doc(target.openid);
  const profile = (await profileRef.get()).data;
  if (!profile) return false;

  const arm = armOf(campaign._id, target.openid, campaign.holdoutPct);
  const delivery: DeliveryDoc = {
    campaignId: campaign._id,
    openid: target.openid,
    arm,
    occurrence: target.occurrence,
    deliveredAt: now,
    until: now + campaign.windowDays * DAY_MS,
    granted: false,
    grantSkip: null,
    couponId: null,
    messaged: false,
    messageSkip: null,
    converted: false,
    orders: 0,
    gmvFen: 0,
    redeemed: 0,
  };
  delta[arm] += 1;
  let messagedAt = profile.messagedAt.filter((at) => at > now - 7 * DAY_MS);
  if (arm === 'target') {
    await giveIncentiveInTx(tx, deps, campaign, deliveryId, target, delivery, now);
    if (delivery.granted) delta.granted += 1;
    else if (delivery.grantSkip) delta.grantSkipped += 1;
    if (campaign.message) {
      const quota = (await tx.collection<QuotaDoc>(NotifyCollections.quota).doc(quotaId(target.openid, 'campaignNotice')).get()).data;
      if (messagedAt.length >= messageCap) delivery.messageSkip = 'CAP';
      else if (!quota || quota.available <= 0) delivery.messageSkip = 'NO_QUOTA';
      else {
        await enqueueInTx(
          tx,
          {
            id: outboxId.campaign(deliveryId),
            openid: target.openid,
            template: 'campaignNotice',
            data: { name: campaign.name, note: campaign.message.note, time: chinaTime(now) },
            page: campaign.message.page,
          },
          now,
        );
        delivery.messaged = true;
        messagedAt = [...messagedAt, now];
      }
      if (delivery.messaged) delta.messaged += 1;
      else if (delivery.messageSkip === 'CAP') delta.skippedCap += 1;
      else delta.skippedNoQuota += 1;
    }
  }
  await deliveryRef.set(delivery);
  const open: OpenDelivery = { deliveryId, campaignId: campaign._id, arm, couponId: delivery.couponId, deliveredAt: now, until: delivery.until };
  await profileRef.update({
    open: [...profile.open.filter((d) => d.until > now), open].slice(-MAX_OPEN),
    messagedAt,
    ...(campaign.kind === 'journey' ? { [`fired.${campaign._id}`]: target.occurrence } : {}),
    updatedAt: now,
  });
  return true;
}

async function giveIncentiveInTx(
  tx: Transaction,
  deps: ServiceDeps,
  campaign: CampaignDoc & { _id: string },
  deliveryId: string,
  target: DeliveryTarget,
  delivery: DeliveryDoc,
  now: number,
): Promise<void> {
  const openid = target.openid;
  const incentive = campaign.incentive;
  if (incentive.type === 'coupon') {
    const outcome = await grantCouponInTx(tx, { templateId: incentive.templateId, grantKey: deliveryId, openid, campaignId: campaign._id }, now, deps.db.command);
    if (outcome.granted) {
      delivery.granted = true;
      delivery.couponId = outcome.couponId;
    } else delivery.grantSkip = outcome.reason;
  } else if (incentive.type === 'points') {
    const source = target.occurrence ? `campaign:${campaign._id}:${target.occurrence}` : `campaign:${campaign._id}`;
    await applyPointsInTx(tx, { id: source, openid, delta: incentive.points, kind: 'gift', note: `营销活动：${campaign.name}`, refId: campaign._id }, now);
    delivery.granted = true;
  }
}
