// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { GUIDE_SETTINGS_LIMITS, type GuideSettings } from '../guide/rules';
import type { Fen } from '../money';
import { Id, ScannedCode } from './fields';

/**
 * Contracts of the `guide` function (导购): a customer binds to the guide
 * whose code they scanned or opened; staff see their guide code, their
 * customers and their month (commission from the ledger, services/commission);
 * operators see a guide leaderboard per store and edit the guide settings.
 */

/** A code as typed or scanned; malformed ones are answered GUIDE_NOT_FOUND. */
const RawCode = ScannedCode(64);
const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份应为 YYYY-MM');

export const GuideBindInput = z.object({ code: RawCode });
export const GuideMyBindingInput = z.object({});
/** `myCode` (staff): the code for one of the caller's stores (absent: their first). */
export const GuideMyCodeInput = z.object({ storeId: Id.optional() });
export const GuideMyCustomersInput = z.object({ storeId: Id.optional(), limit: z.number().int().min(1).max(100).default(50) });
export const GuideMyMonthInput = z.object({ period: Period.optional() });
export const GuideLeaderboardInput = z.object({ storeId: Id, period: Period.optional() });
export const GuideSettingsInput = z.object({});
export const GuideSettingsSchema: z.ZodType<GuideSettings> = z.object({
  commissionBps: z.number().int('佣金比例应为整数（万分比）').min(0).max(GUIDE_SETTINGS_LIMITS.commissionBps, `佣金比例最高 ${GUIDE_SETTINGS_LIMITS.commissionBps / 100}%`),
  rebindDays: z.number().int().min(0).max(GUIDE_SETTINGS_LIMITS.rebindDays, `改绑天数最多 ${GUIDE_SETTINGS_LIMITS.rebindDays} 天`),
});
export const GuideSaveSettingsInput = z.object({ settings: GuideSettingsSchema });

export const guideContracts = {
  bind: { input: GuideBindInput },
  myBinding: { input: GuideMyBindingInput },
  myCode: { input: GuideMyCodeInput },
  myCustomers: { input: GuideMyCustomersInput },
  myMonth: { input: GuideMyMonthInput },
  leaderboard: { input: GuideLeaderboardInput },
  settings: { input: GuideSettingsInput },
  saveSettings: { input: GuideSaveSettingsInput },
};

export const GuideErrorCode = {
  NotFound: 'GUIDE_NOT_FOUND',
  Self: 'GUIDE_SELF',
  AlreadyBound: 'GUIDE_ALREADY_BOUND',
  NotStaff: 'GUIDE_NOT_STAFF',
} as const;

export interface GuideBindView {
  bound: true;
  /** The guide's masked nickname and store. */
  guide: string;
  storeName: string;
  /** True when this call made (or moved) the binding. */
  boundNow: boolean;
}

export interface GuideMyBindingView {
  binding: { guide: string; storeName: string; boundAt: number; heldByStore: boolean } | null;
}

export interface GuideCodeView {
  code: string;
  /** `/pages/home/index?guide=<code>`: the link to share; the QR encodes the H5 URL of it. */
  path: string;
  storeId: string;
  storeName: string;
  /** The caller's stores, to switch. */
  stores: Array<{ storeId: string; storeName: string }>;
  /** weapp: a temporary URL of the mini-program code (wxacode.getUnlimited, scene = code); null on H5 / locally, where the page draws a QR of the link. */
  wxacodeUrl: string | null;
}

export interface GuideCustomerView {
  /** A row key (not an openid). */
  key: string;
  /** Masked nickname. */
  nickname: string;
  tierName: string | null;
  tags: string[];
  lastPurchaseAt: number | null;
  boundAt: number;
  isMember: boolean;
}

export interface GuideCustomersView {
  storeId: string;
  storeName: string;
  total: number;
  items: GuideCustomerView[];
}

export interface GuideMonthOrderView {
  orderNo: string;
  /** Commissionable goods money of the order. */
  gmvFen: Fen;
  commissionFen: Fen;
  reversedFen: Fen;
  state: 'ACCRUED' | 'PARTLY_REVERSED' | 'REVERSED';
  stateLabel: string;
  at: number;
}

export interface GuideMonthView {
  period: string;
  /** Customers bound to the caller now (all stores), and bound this month. */
  customers: number;
  newCustomers: number;
  orders: number;
  gmvFen: Fen;
  /** accrued − reversed in the month. */
  commissionFen: Fen;
  accruedFen: Fen;
  reversedFen: Fen;
  /** The ledger's balance (all months). */
  balanceFen: Fen;
  rateBps: number;
  items: GuideMonthOrderView[];
}

export interface GuideLeaderboardRow {
  rank: number;
  nickname: string;
  /** Still staff of the store. */
  active: boolean;
  customers: number;
  orders: number;
  gmvFen: Fen;
  commissionFen: Fen;
}

export interface GuideLeaderboardView {
  storeId: string;
  storeName: string;
  period: string;
  rows: GuideLeaderboardRow[];
  /** Customers of guides who left, now the store's. */
  storeHeldCustomers: number;
}

export interface GuideOutputs {
  bind: GuideBindView;
  myBinding: GuideMyBindingView;
  myCode: GuideCodeView;
  myCustomers: GuideCustomersView;
  myMonth: GuideMonthView;
  leaderboard: GuideLeaderboardView;
  settings: GuideSettings;
  saveSettings: GuideSettings;
}
