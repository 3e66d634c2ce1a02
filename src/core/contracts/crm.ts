// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { CHANNELS, type Channel } from '../crm/channel';
import type { MemberFilter } from '../crm/filter';
import type { Arm } from '../crm/holdout';
import { LIFECYCLE_STAGES, type LifecycleStage } from '../crm/lifecycle';
import { MEMBER_SORTS, type MemberSort } from '../crm/profile';
import { ALL_RFM_CLASSES, type RfmClass, type RfmScore } from '../crm/rfm';
import type { CrmSettings } from '../crm/settings';
import type { Uplift } from '../crm/uplift';
import type { Fen } from '../money';
import { EpochMs, Id, IdMatching, OpenId, RequestId, SingleLineText } from './fields';

/**
 * Contracts of the `crm` function (私域运营: members, tags, segments,
 * campaigns, journeys), operators only except `counterProfile` (staff at the
 * counter). Its timer `tick` delivers campaigns, re-scores members and
 * fires journeys.
 */

const Count = (max: number) => z.number().int().min(0).max(max);
const RangeOf = (max: number) =>
  z
    .object({ min: Count(max).optional(), max: Count(max).optional() })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: '下限不能大于上限' });

export const TagName = SingleLineText(12, 1);
/** A category id as a query path segment: no dots. */
const CategoryId = IdMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, '分类 id 格式不正确');

export const MemberFilterSchema: z.ZodType<MemberFilter> = z
  .object({
    q: SingleLineText(40).optional(),
    tiers: z.array(Id).max(20).optional(),
    rfmClasses: z.array(z.enum(ALL_RFM_CLASSES as [RfmClass, ...RfmClass[]])).max(9).optional(),
    lifecycles: z.array(z.enum(LIFECYCLE_STAGES)).max(5).optional(),
    tags: z.array(TagName).max(10).optional(),
    channels: z.array(z.enum(CHANNELS)).max(7).optional(),
    spendFen: RangeOf(100_000_000_00).optional(),
    orders: RangeOf(1_000_000).optional(),
    aovFen: RangeOf(100_000_000).optional(),
    lastPaidDays: RangeOf(36_500).optional(),
    category: z.object({ categoryId: CategoryId, minOrders: z.number().int().min(1).max(1000) }).optional(),
    birthdayThisMonth: z.boolean().optional(),
  })
  .strict();

export const MembersInput = z.object({
  filter: MemberFilterSchema.default({}),
  sort: z.enum(MEMBER_SORTS).default('last'),
  cursor: SingleLineText(200).nullable().optional(),
  pageSize: z.number().int().min(1).max(100).default(20),
});
export const MemberInput = z.object({ openid: OpenId });
/** Staff at the counter: the counter session (opened by scanning the member code) names the member. */
export const CounterProfileInput = z.object({ sessionId: Id, storeId: Id });
export const TagMembersInput = z
  .object({
    openids: z.array(OpenId).min(1).max(500),
    add: z.array(TagName).max(10).default([]),
    remove: z.array(TagName).max(10).default([]),
  })
  .refine((t) => t.add.length + t.remove.length > 0, { message: '请选择要添加或移除的标签' });
export const TagSegmentInput = z.object({ segmentId: Id, tag: TagName, cursor: SingleLineText(200).nullable().optional() });
export const SaveTagInput = z.object({ name: TagName, rule: MemberFilterSchema.nullable().default(null) });
export const TagNameInput = z.object({ name: TagName });
export const SaveSegmentInput = z.object({ segmentId: Id.optional(), name: SingleLineText(20, 1), filter: MemberFilterSchema });
export const SegmentIdInput = z.object({ segmentId: Id });
export const PreviewSegmentInput = z.object({ filter: MemberFilterSchema });

export const IncentiveSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('coupon'), templateId: Id }),
  z.object({ type: z.literal('points'), points: z.number().int().min(1).max(100_000) }),
  z.object({ type: z.literal('none') }),
]);
export type Incentive = z.infer<typeof IncentiveSchema>;

/** Pages a campaign message may open (the mini-program's own). */
export const CAMPAIGN_PAGES = ['pages/home/index', 'packages/mall/coupons/index', 'pages/catalog/index', 'packages/mall/index/index'] as const;
export const CAMPAIGN_PAGE_LABELS: Record<(typeof CAMPAIGN_PAGES)[number], string> = {
  'pages/home/index': '首页',
  'packages/mall/coupons/index': '我的优惠券',
  'pages/catalog/index': '分类',
  'packages/mall/index/index': '积分商城',
};
export const MessageSchema = z.object({
  template: z.literal('campaignNotice').default('campaignNotice'),
  /** 活动内容 (thing, ≤ 20). */
  note: SingleLineText(20, 1),
  page: z.enum(CAMPAIGN_PAGES),
});
export type CampaignMessage = z.infer<typeof MessageSchema>;

const HoldoutPct = z.number().min(0).max(50);

export const CreateCampaignInput = z.object({
  name: SingleLineText(20, 1),
  segmentId: Id,
  incentive: IncentiveSchema,
  message: MessageSchema.nullable().optional(),
  holdoutPct: HoldoutPct.default(10),
  startAt: EpochMs,
  /** One per form submission: a retry creates one campaign. */
  requestId: RequestId.optional(),
});
export const CampaignIdInput = z.object({ campaignId: Id });
export const ListCampaignsInput = z.object({ kind: z.enum(['campaign', 'journey']).default('campaign') });

export const JOURNEY_TRIGGERS = ['lifecycle', 'birthdayMonth', 'noSecondOrder', 'idleCart'] as const;
export const TriggerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('lifecycle'), stage: z.enum(LIFECYCLE_STAGES) }),
  z.object({ type: z.literal('birthdayMonth') }),
  z.object({ type: z.literal('noSecondOrder'), days: z.number().int().min(1).max(365) }),
  z.object({ type: z.literal('idleCart'), hours: z.number().int().min(1).max(720) }),
]);
export type JourneyTrigger = z.infer<typeof TriggerSchema>;
export const SaveJourneyInput = z.object({
  journeyId: Id.optional(),
  name: SingleLineText(20, 1),
  trigger: TriggerSchema,
  incentive: IncentiveSchema,
  message: MessageSchema.nullable().optional(),
  holdoutPct: HoldoutPct.default(10),
  active: z.boolean().default(true),
});

const Thresholds = (max: number) =>
  z
    .tuple([Count(max), Count(max), Count(max), Count(max)])
    .refine((t) => t[0] < t[1] && t[1] < t[2] && t[2] < t[3], { message: '阈值须严格递增' });
const Score = z.number().int().min(1).max(5);
export const CrmSettingsSchema: z.ZodType<CrmSettings> = z.object({
  rfm: z.object({
    recencyDays: Thresholds(3650),
    orders: Thresholds(100_000),
    spendFen: Thresholds(1_000_000_00),
    highCut: z.object({ r: Score, f: Score, m: Score }),
  }),
  lifecycle: z
    .object({
      newDays: Count(3650).min(1),
      dormantDays: Count(3650).min(1),
      lostDays: Count(3650).min(1),
      matureOrders: Count(10_000).min(2),
    })
    .refine((l) => l.dormantDays < l.lostDays, { message: '休眠天数须小于流失天数' }),
  campaign: z.object({
    messagesPer7Days: Count(20),
    windowDays: Count(90).min(1),
    defaultHoldoutPct: HoldoutPct,
  }),
}) as z.ZodType<CrmSettings>;
export const SaveCrmSettingsInput = z.object({ settings: CrmSettingsSchema });
export const RebuildInput = z.object({ cursor: SingleLineText(200).nullable().optional() });
export const EmptyInput = z.object({});

export const crmContracts = {
  members: { input: MembersInput },
  member: { input: MemberInput },
  counterProfile: { input: CounterProfileInput },
  tag: { input: TagMembersInput },
  tagSegment: { input: TagSegmentInput },
  tags: { input: EmptyInput },
  saveTag: { input: SaveTagInput },
  deleteTag: { input: TagNameInput },
  segments: { input: EmptyInput },
  segment: { input: SegmentIdInput },
  saveSegment: { input: SaveSegmentInput },
  deleteSegment: { input: SegmentIdInput },
  previewSegment: { input: PreviewSegmentInput },
  charts: { input: EmptyInput },
  createCampaign: { input: CreateCampaignInput },
  campaigns: { input: ListCampaignsInput },
  campaign: { input: CampaignIdInput },
  pauseCampaign: { input: CampaignIdInput },
  resumeCampaign: { input: CampaignIdInput },
  cancelCampaign: { input: CampaignIdInput },
  saveJourney: { input: SaveJourneyInput },
  settings: { input: EmptyInput },
  saveSettings: { input: SaveCrmSettingsInput },
  rebuild: { input: RebuildInput },
};

// ---- outputs

export interface MemberListItem {
  openid: string;
  nickname: string;
  tier: string;
  tierId: string;
  rfm: RfmScore;
  lifecycle: LifecycleStage;
  tags: string[];
  stats: { paidOrders: number; paidFen: Fen; lastPaidAt: number | null };
  /** Masked (138****0000). */
  phone: string | null;
  channel: Channel;
}

export interface MembersPage {
  items: MemberListItem[];
  total: number;
  nextCursor: string | null;
}

export type TimelineKind = 'join' | 'order' | 'refund' | 'checkin' | 'points' | 'campaign' | 'message' | 'visit';
export interface TimelineEvent {
  at: number;
  kind: TimelineKind;
  title: string;
  detail: string;
}

export interface MemberProfileView {
  member: MemberListItem;
  campaigns: Array<{ campaignId: string; name: string; arm: Arm; deliveredAt: number; granted: boolean; messaged: boolean }>;
  card: { memberId: string | null; joinedAt: number | null; birthday: string | null; growth: number };
  stats: {
    firstPaidAt: number | null;
    lastPaidAt: number | null;
    paidOrders: number;
    paidFen: Fen;
    refundedFen: Fen;
    refundedOrders: number;
    netOrders: number;
    netFen: Fen;
    aovFen: Fen;
    topCategories: Array<{ categoryId: string; name: string; orders: number }>;
    lastVisitAt: number | null;
  };
  manualTags: string[];
  ruleTags: string[];
  points: { balance: number };
  orders: Array<{ orderId: string; status: string; payableFen: Fen; createdAt: number; title: string }>;
  pointsLedger: Array<{ at: number; delta: number; note: string }>;
  coupons: Array<{ couponId: string; title: string; status: string; validUntil: number | null }>;
  timeline: TimelineEvent[];
}

export interface CounterProfileView {
  nickname: string;
  tier: string;
  lifecycle: LifecycleStage;
  rfmClass: RfmClass;
  tags: string[];
  points: number;
  lastPaidAt: number | null;
  netOrders: number;
  topCategories: string[];
}

export interface TagView {
  name: string;
  kind: 'manual' | 'rule';
  rule: MemberFilter | null;
  count: number;
}

export interface TagResult {
  updated: number;
  missing: string[];
}

export interface TagSegmentResult {
  tagged: number;
  done: boolean;
  cursor: string | null;
}

export interface SegmentView {
  segmentId: string;
  name: string;
  filter: MemberFilter;
  count: number;
  updatedAt: number;
}

export interface SegmentPreview {
  count: number;
  sample: MemberListItem[];
}

export interface MemberCharts {
  total: number;
  rfm: Array<{ class: RfmClass; count: number }>;
  lifecycle: Array<{ stage: LifecycleStage; count: number }>;
  /** Stage counts per day from the daily re-score (oldest first). */
  lifecycleHistory: Array<{ day: string; counts: Record<LifecycleStage, number> }>;
  /** Members by month of first order, and the share of them who ordered again. */
  cohorts: Array<{ month: string; members: number; repeaters: number; repeatRate: number }>;
}

export type CampaignState = 'SCHEDULED' | 'RUNNING' | 'PAUSED' | 'DELIVERED' | 'CANCELLED';

export interface ArmResult {
  members: number;
  converted: number;
  gmvFen: Fen;
  conversionRate: number;
  gmvPerMemberFen: number;
  couponsRedeemed: number;
}

export interface CampaignResults {
  target: ArmResult;
  holdout: ArmResult;
  uplift: Uplift['uplift'];
  ci95: Uplift['ci95'];
  verdict: Uplift['verdict'];
  windowDays: number;
  /** Per day since the start: cumulative conversion per arm. */
  daily: Array<{ day: string; target: { converted: number; gmvFen: Fen }; holdout: { converted: number; gmvFen: Fen } }>;
}

export interface CampaignView {
  campaignId: string;
  kind: 'campaign' | 'journey';
  name: string;
  state: CampaignState;
  segmentId: string | null;
  segmentName: string | null;
  trigger: JourneyTrigger | null;
  incentive: Incentive;
  message: CampaignMessage | null;
  holdoutPct: number;
  startAt: number;
  deliveredAt: number | null;
  /** target + holdout. */
  members: number;
  target: number;
  holdout: number;
  granted: number;
  grantSkipped: number;
  messaged: number;
  skippedNoQuota: number;
  skippedCap: number;
  results: CampaignResults;
  createdAt: number;
}

export interface CampaignListItem {
  campaignId: string;
  kind: 'campaign' | 'journey';
  name: string;
  state: CampaignState;
  startAt: number;
  members: number;
  converted: { target: number; holdout: number };
  verdict: Uplift['verdict'];
  trigger: JourneyTrigger | null;
}

export interface CrmTickReport {
  delivered: number;
  rescored: number;
  journeysFired: number;
  idleCarts: number;
  elapsedMs: number;
}

export interface RebuildReport {
  rebuilt: number;
  done: boolean;
  cursor: string | null;
}

export interface CrmOutputs {
  members: MembersPage;
  member: MemberProfileView;
  counterProfile: CounterProfileView;
  tag: TagResult;
  tagSegment: TagSegmentResult;
  tags: TagView[];
  saveTag: TagView;
  deleteTag: { deleted: boolean };
  segments: SegmentView[];
  segment: SegmentView & { sample: MemberListItem[] };
  saveSegment: { segmentId: string; count: number };
  deleteSegment: { deleted: boolean };
  previewSegment: SegmentPreview;
  charts: MemberCharts;
  createCampaign: { campaignId: string };
  campaigns: CampaignListItem[];
  campaign: CampaignView;
  pauseCampaign: CampaignView;
  resumeCampaign: CampaignView;
  cancelCampaign: CampaignView;
  saveJourney: { campaignId: string };
  settings: CrmSettings;
  saveSettings: CrmSettings;
  rebuild: RebuildReport;
}

export type MembersInput = z.input<typeof MembersInput>;
export type CreateCampaignInput = z.input<typeof CreateCampaignInput>;
export type SaveJourneyInput = z.input<typeof SaveJourneyInput>;

