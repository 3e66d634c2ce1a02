import type { Fen } from '../money';

/**
 * The CRM's definitions, with their defaults (README, "Member layers"). The
 * operator's copy is `settings/crm`; what it leaves out falls back to these.
 */
export interface RfmSettings {
  /** Days since the last paid order at which R drops from 5 to 4, 4 to 3, 3 to 2, 2 to 1 (ascending). */
  recencyDays: [number, number, number, number];
  /** Net orders at which F rises from 1 to 2, 2 to 3, 3 to 4, 4 to 5 (ascending). */
  orders: [number, number, number, number];
  /** Net spend in fen at which M rises from 1 to 2, … 4 to 5 (ascending). */
  spendFen: [Fen, Fen, Fen, Fen];
  /** A score at or above its cut point is "high" (高) for the 8 classes. */
  highCut: { r: number; f: number; m: number };
}

export interface LifecycleSettings {
  /** 导入期: the first paid order is at most this many days old. */
  newDays: number;
  /** 休眠期: no paid order for at least this many days (and fewer than lostDays). */
  dormantDays: number;
  /** 流失期: no paid order for more than this many days. */
  lostDays: number;
  /** 成熟期 from this many net orders (active, past 导入期); fewer is 成长期. */
  matureOrders: number;
}

export interface CampaignSettings {
  /** Campaign and journey messages a member may receive in any 7 days. */
  messagesPer7Days: number;
  /** Days after a member's delivery during which their orders count toward the results. */
  windowDays: number;
  defaultHoldoutPct: number;
}

export interface CrmSettings {
  rfm: RfmSettings;
  lifecycle: LifecycleSettings;
  campaign: CampaignSettings;
}

export const DEFAULT_CRM_SETTINGS: CrmSettings = {
  rfm: {
    recencyDays: [30, 60, 90, 180],
    orders: [1, 2, 4, 8],
    spendFen: [10_000, 30_000, 80_000, 200_000],
    highCut: { r: 3, f: 3, m: 3 },
  },
  lifecycle: { newDays: 30, dormantDays: 60, lostDays: 180, matureOrders: 4 },
  campaign: { messagesPer7Days: 2, windowDays: 14, defaultHoldoutPct: 10 },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends readonly unknown[] ? T[K] : T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type CrmSettingsPatch = DeepPartial<CrmSettings>;

/** The stored settings over the defaults, section by section. */
export function crmSettingsFrom(stored: CrmSettingsPatch | null | undefined): CrmSettings {
  const d = DEFAULT_CRM_SETTINGS;
  return {
    rfm: { ...d.rfm, ...stored?.rfm, highCut: { ...d.rfm.highCut, ...stored?.rfm?.highCut } },
    lifecycle: { ...d.lifecycle, ...stored?.lifecycle },
    campaign: { ...d.campaign, ...stored?.campaign },
  };
}
