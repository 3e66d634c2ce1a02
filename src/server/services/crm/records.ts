import type { CampaignMessage, CampaignState, Incentive, JourneyTrigger } from '../../../core/contracts/crm';
import type { MemberFilter } from '../../../core/crm/filter';
import type { Arm } from '../../../core/crm/holdout';
import type { LifecycleStage } from '../../../core/crm/lifecycle';

export const CrmCollections = {
  profiles: 'crm_profiles',
  tags: 'crm_tags',
  segments: 'crm_segments',
  campaigns: 'crm_campaigns',
  deliveries: 'crm_deliveries',
  results: 'crm_results',
  visits: 'member_visits',
  jobs: 'crm_jobs',
  stageHistory: 'crm_stage_history',
  settings: 'settings',
} as const;

export const CRM_SETTINGS_ID = 'crm';
/** `settings/crm_rule_tags`: every rule tag's condition, read in one document by the payment hook. */
export const RULE_TAGS_SETTINGS_ID = 'crm_rule_tags';

export interface RuleTagsDoc {
  tags: Array<{ name: string; rule: MemberFilter }>;
  updatedAt: number;
}

/** `crm_tags/{tag id}`: the tag registry (manual tags appear once used; rule tags carry their rule). */
export interface TagDoc {
  name: string;
  kind: 'manual' | 'rule';
  rule: MemberFilter | null;
  createdAt: number;
  updatedAt: number;
}

/** `crm_segments/{segmentId}`: a saved filter (分群). */
export interface SegmentDoc {
  name: string;
  filter: MemberFilter;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface CampaignCounters {
  target: number;
  holdout: number;
  granted: number;
  grantSkipped: number;
  messaged: number;
  skippedNoQuota: number;
  skippedCap: number;
}

export const ZERO_COUNTERS: CampaignCounters = { target: 0, holdout: 0, granted: 0, grantSkipped: 0, messaged: 0, skippedNoQuota: 0, skippedCap: 0 };

/**
 * `crm_campaigns/{campaignId}`: a campaign (delivered once to a segment's
 * members from `startAt`) or a journey (delivered to one member each time its
 * trigger occurs). Delivery resumes from `cursor` (the last openid done).
 */
export interface CampaignDoc {
  kind: 'campaign' | 'journey';
  name: string;
  segmentId: string | null;
  segmentName: string | null;
  /** The segment's filter when the campaign was created: editing the segment later does not move it. */
  filter: MemberFilter | null;
  trigger: JourneyTrigger | null;
  incentive: Incentive;
  message: CampaignMessage | null;
  holdoutPct: number;
  windowDays: number;
  startAt: number;
  state: CampaignState;
  cursor: string;
  /** Journeys: how far the trigger's scan has come (a time, or an openid within a birthday month's year). */
  watermark: Record<string, string | number>;
  counters: CampaignCounters;
  deliveredAt: number | null;
  createdBy: string;
  inputHash: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * `crm_deliveries/{campaignId}:{openid}` (a journey adds `:{occurrence}`):
 * one member's assignment and what they were given; its window's orders are
 * added by the payment hook.
 */
export interface DeliveryDoc {
  campaignId: string;
  openid: string;
  arm: Arm;
  occurrence: string;
  deliveredAt: number;
  until: number;
  granted: boolean;
  grantSkip: string | null;
  couponId: string | null;
  messaged: boolean;
  messageSkip: 'NO_QUOTA' | 'CAP' | null;
  converted: boolean;
  orders: number;
  gmvFen: number;
  redeemed: number;
}

/** `crm_results/{campaignId}:{arm}:{day}:{k}`: one shard of a campaign arm's orders on a day (DESIGN: hot counters are sharded). */
export interface ResultShardDoc {
  campaignId: string;
  arm: Arm;
  day: string;
  converted: number;
  orders: number;
  gmvFen: number;
  /** Σ over members of (GMV after)² − (GMV before)²: the sum of squares of per-member GMV, for Welch's t. */
  gmvSqFen: number;
  redeemed: number;
  updatedAt: number;
}

export const RESULT_SHARDS = 4;

/** `member_visits/{openid}:{day}`: the member opened the app that day. */
export interface VisitDoc {
  openid: string;
  day: string;
  at: number;
}

/** `crm_jobs/rescore`: the daily re-score's progress (one pass per Shanghai day, resumable). */
export interface RescoreJobDoc {
  day: string;
  cursor: string;
  done: boolean;
  chunks: number;
  counts: Partial<Record<LifecycleStage, number>>;
  startedAt: number;
  finishedAt: number | null;
}

/** `crm_stage_history/{day}`: lifecycle stage counts after a day's re-score (the chart over time). */
export interface StageHistoryDoc {
  day: string;
  counts: Partial<Record<LifecycleStage, number>>;
  at: number;
}
