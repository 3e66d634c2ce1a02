import { createHash } from 'crypto';
import type { CampaignListItem, CampaignState, CampaignView, Incentive } from '../../../core/contracts/crm';
import type { CouponTemplateDoc } from '../../../core/coupon/types';
import type { z } from 'zod';
import type { CreateCampaignInput as CreateSchema, SaveJourneyInput as JourneySchema } from '../../../core/contracts/crm';
import { newId } from '../../kit/ids';
import { assertSameInput, inputFingerprint, keyReusedError } from '../../kit/input-fingerprint';
import type { ServiceDeps } from '../order/deps';
import { transact, refuse } from '../order/transact';
import { PromotionCollections } from '../promotion/records';
import { writeAudit } from '../staff/audit';
import { crmError, CrmErrorCode } from './members';
import { CrmCollections, ZERO_COUNTERS, type CampaignDoc, type SegmentDoc } from './records';
import { campaignResults } from './results-read';
import { loadCrmSettings } from './settings';

type CreateCommand = z.output<typeof CreateSchema>;
type JourneyCommand = z.output<typeof JourneySchema>;

const STATE_LABEL: Record<CampaignState, string> = { SCHEDULED: '待开始', RUNNING: '进行中', PAUSED: '已暂停', DELIVERED: '已送达', CANCELLED: '已取消' };

async function loadCampaign(deps: ServiceDeps, campaignId: string): Promise<CampaignDoc> {
  const campaign = (await deps.db.collection<CampaignDoc>(CrmCollections.campaigns).doc(campaignId).get()).data[0];
  if (!campaign) throw crmError(CrmErrorCode.CampaignNotFound, '活动不存在');
  return campaign;
}

/** A coupon incentive must name an active template: refused before anything is written. */
async function assertIncentiveUsable(deps: ServiceDeps, incentive: Incentive): Promise<void> {
  if (incentive.type !== 'coupon') return;
  const template = (await deps.db.collection<CouponTemplateDoc>(PromotionCollections.templates).doc(incentive.templateId).get()).data[0];
  if (!template || template.status !== 'ACTIVE') throw crmError(CrmErrorCode.TemplateUnusable, '所选优惠券不存在或已停用');
}

/**
 * crm.createCampaign: the segment's filter is copied in (editing the segment
 * later does not move a campaign), members are assigned and given the
 * incentive by the timer from `startAt`. With a requestId the campaign id is
 * derived from (operator, requestId): a retry creates nothing twice, another
 * input under the same key is IDEMPOTENCY_KEY_REUSED.
 */
export async function createCampaign(deps: ServiceDeps, operator: string, input: CreateCommand): Promise<{ campaignId: string }> {
  const now = deps.now();
  const segment = (await deps.db.collection<SegmentDoc>(CrmCollections.segments).doc(input.segmentId).get()).data[0];
  if (!segment) throw crmError(CrmErrorCode.SegmentNotFound, '分群不存在');
  const { requestId, ...rest } = input;
  const fingerprint = requestId ? inputFingerprint('crm.createCampaign', operator, rest) : null;
  const campaignId = requestId ? `cp_${createHash('sha256').update(`${operator}\n${requestId}`).digest('hex').slice(0, 20)}` : newId('cp', now);
  if (requestId) {
    const earlier = (await deps.db.collection<CampaignDoc>(CrmCollections.campaigns).doc(campaignId).get()).data[0];
    if (earlier) {
      assertSameInput(earlier.inputHash, fingerprint!);
      return { campaignId };
    }
  }
  await assertIncentiveUsable(deps, input.incentive);
  const settings = await loadCrmSettings(deps.db);
  const doc: CampaignDoc = {
    kind: 'campaign',
    name: input.name,
    segmentId: input.segmentId,
    segmentName: segment.name,
    filter: segment.filter,
    trigger: null,
    incentive: input.incentive,
    message: input.message ?? null,
    holdoutPct: input.holdoutPct,
    windowDays: settings.campaign.windowDays,
    startAt: input.startAt,
    state: 'SCHEDULED',
    cursor: '',
    watermark: {},
    counters: { ...ZERO_COUNTERS },
    deliveredAt: null,
    createdBy: operator,
    inputHash: fingerprint,
    createdAt: now,
    updatedAt: now,
  };
  const created = await transact(deps.db, async (tx) => {
    const ref = tx.collection<CampaignDoc>(CrmCollections.campaigns).doc(campaignId);
    const stored = (await ref.get()).data;
    if (stored) return stored.inputHash === fingerprint ? false : refuse(keyReusedError());
    await ref.set(doc);
    return true;
  });
  if (created) {
    await writeAudit(deps.db, {
      staffOpenid: operator,
      storeId: '',
      action: 'createCampaign',
      target: input.name,
      result: 'ok',
      detail: `分群「${segment.name}」，对照组 ${input.holdoutPct}%`,
      at: now,
    });
  }
  return { campaignId };
}

/** crm.saveJourney: a journey is a campaign template fired for one member at a time by its trigger. */
export async function saveJourney(deps: ServiceDeps, operator: string, input: JourneyCommand): Promise<{ campaignId: string }> {
  const now = deps.now();
  await assertIncentiveUsable(deps, input.incentive);
  const settings = await loadCrmSettings(deps.db);
  const campaignId = input.journeyId ?? newId('jr', now);
  const state: CampaignState = input.active ? 'RUNNING' : 'PAUSED';
  await transact(deps.db, async (tx) => {
    const ref = tx.collection<CampaignDoc>(CrmCollections.campaigns).doc(campaignId);
    const stored = (await ref.get()).data;
    if (input.journeyId && (!stored || stored.kind !== 'journey')) return refuse(crmError(CrmErrorCode.CampaignNotFound, '旅程不存在'));
    if (stored?.state === 'CANCELLED') return refuse(crmError(CrmErrorCode.CampaignState, '旅程已取消，不能再修改'));
    const fields = { name: input.name, trigger: input.trigger, incentive: input.incentive, message: input.message ?? null, holdoutPct: input.holdoutPct, state, updatedAt: now };
    if (stored) {
      // A changed trigger starts its scan again from now: members who met the old one are not swept in.
      const retrigger = JSON.stringify(stored.trigger) !== JSON.stringify(input.trigger);
      await ref.update(retrigger ? { ...fields, watermark: { since: now } } : fields);
    } else {
      await ref.set({
        kind: 'journey',
        segmentId: null,
        segmentName: null,
        filter: null,
        windowDays: settings.campaign.windowDays,
        startAt: now,
        cursor: '',
        watermark: { since: now },
        counters: { ...ZERO_COUNTERS },
        deliveredAt: null,
        createdBy: operator,
        inputHash: null,
        createdAt: now,
        ...fields,
      });
    }
    return null;
  });
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'saveJourney', target: input.name, result: 'ok', detail: input.active ? '启用' : '停用', at: now });
  return { campaignId };
}

export async function campaignView(deps: ServiceDeps, campaignId: string): Promise<CampaignView> {
  const campaign = await loadCampaign(deps, campaignId);
  const c = campaign.counters;
  return {
    campaignId,
    kind: campaign.kind,
    name: campaign.name,
    state: campaign.state,
    segmentId: campaign.segmentId,
    segmentName: campaign.segmentName,
    trigger: campaign.trigger,
    incentive: campaign.incentive,
    message: campaign.message,
    holdoutPct: campaign.holdoutPct,
    startAt: campaign.startAt,
    deliveredAt: campaign.deliveredAt,
    members: c.target + c.holdout,
    target: c.target,
    holdout: c.holdout,
    granted: c.granted,
    grantSkipped: c.grantSkipped,
    messaged: c.messaged,
    skippedNoQuota: c.skippedNoQuota,
    skippedCap: c.skippedCap,
    results: await campaignResults(deps.db, campaignId, campaign, deps.now()),
    createdAt: campaign.createdAt,
  };
}

export async function listCampaigns(deps: ServiceDeps, kind: 'campaign' | 'journey'): Promise<CampaignListItem[]> {
  const { data } = await deps.db.collection<CampaignDoc>(CrmCollections.campaigns).where({ kind }).orderBy('createdAt', 'desc').limit(100).get();
  const now = deps.now();
  return Promise.all(
    data.map(async (campaign) => {
      const results = await campaignResults(deps.db, campaign._id, campaign, now);
      return {
        campaignId: campaign._id,
        kind: campaign.kind,
        name: campaign.name,
        state: campaign.state,
        startAt: campaign.startAt,
        members: campaign.counters.target + campaign.counters.holdout,
        converted: { target: results.target.converted, holdout: results.holdout.converted },
        verdict: results.verdict,
        trigger: campaign.trigger,
      };
    }),
  );
}

export type CampaignCommand = 'pause' | 'resume' | 'cancel';

/** From which states each command moves a campaign or journey, and where. */
const TRANSITIONS: Record<CampaignCommand, { from: readonly CampaignState[]; to: (c: CampaignDoc, now: number) => CampaignState }> = {
  pause: { from: ['SCHEDULED', 'RUNNING'], to: () => 'PAUSED' },
  resume: { from: ['PAUSED'], to: (c, now) => (c.kind === 'campaign' && c.startAt > now && c.cursor === '' ? 'SCHEDULED' : 'RUNNING') },
  cancel: { from: ['SCHEDULED', 'RUNNING', 'PAUSED'], to: () => 'CANCELLED' },
};

/**
 * Pause, resume or cancel: one conditional write on the state, so a delivery
 * chunk running at the same moment either finished before (its members are
 * delivered) or sees the new state and stops. What was delivered stays
 * delivered, and its results keep being measured.
 */
export async function setCampaignState(deps: ServiceDeps, operator: string, campaignId: string, command: CampaignCommand): Promise<CampaignView> {
  const now = deps.now();
  const rule = TRANSITIONS[command];
  const result = await transact(deps.db, async (tx) => {
    const ref = tx.collection<CampaignDoc>(CrmCollections.campaigns).doc(campaignId);
    const campaign = (await ref.get()).data;
    if (!campaign) return refuse(crmError(CrmErrorCode.CampaignNotFound, '活动不存在'));
    if (!rule.from.includes(campaign.state)) {
      return refuse(crmError(CrmErrorCode.CampaignState, `活动${STATE_LABEL[campaign.state]}，不能${{ pause: '暂停', resume: '继续', cancel: '取消' }[command]}`, { state: campaign.state }));
    }
    const to = rule.to(campaign, now);
    await ref.update({ state: to, updatedAt: now });
    return { name: campaign.name, from: campaign.state, to };
  });
  await writeAudit(deps.db, { staffOpenid: operator, storeId: '', action: 'setCampaignState', target: result.name, result: 'ok', detail: `${STATE_LABEL[result.from]} → ${STATE_LABEL[result.to]}`, at: now });
  return campaignView(deps, campaignId);
}
