/**
 * Who a customer belongs to (导购绑定), as a table of cases. Pure: the
 * binding service reads the documents and applies the decision in one
 * transaction.
 *
 * - No binding: the first guide wins.
 * - The same guide again: the same binding (nothing changes).
 * - A guide who left (no longer staff of the binding's store): the customer
 *   is the store's (no commission); any active guide's code binds them again
 *   at once.
 * - Another active guide: refused (GUIDE_ALREADY_BOUND) unless re-binding is
 *   on and the customer has gone `rebindDays` without a purchase since they
 *   were bound (or since their last purchase).
 */

export const DAY_MS = 24 * 60 * 60 * 1000;

export interface GuideSettings {
  /** Commission on each paid order of a bound customer, basis points (300 = 3%). */
  commissionBps: number;
  /** Days without a purchase after which another guide's code re-binds; 0 = never re-bind. */
  rebindDays: number;
}

export const DEFAULT_GUIDE_SETTINGS: GuideSettings = { commissionBps: 300, rebindDays: 30 };
export const GUIDE_SETTINGS_LIMITS = { commissionBps: 5000, rebindDays: 365 } as const;

export interface BindingFacts {
  guideId: string;
  storeId: string;
  boundAt: number;
  lastPurchaseAt: number | null;
}

export type BindDecision =
  | { kind: 'bind' }
  | { kind: 'same' }
  | { kind: 'rebind'; reason: 'guide_left' | 'idle' }
  | { kind: 'refuse'; code: 'GUIDE_ALREADY_BOUND'; rebindAt: number | null };

export function decideBind(input: {
  existing: BindingFacts | null;
  /** Whether the existing binding's guide is still staff of its store. */
  existingGuideActive: boolean;
  guideId: string;
  storeId: string;
  settings: GuideSettings;
  now: number;
}): BindDecision {
  const { existing, settings, now } = input;
  if (!existing) return { kind: 'bind' };
  if (existing.guideId === input.guideId && existing.storeId === input.storeId && input.existingGuideActive) return { kind: 'same' };
  if (!input.existingGuideActive) return { kind: 'rebind', reason: 'guide_left' };
  // The same guide at another of their stores: the customer stays where they were bound.
  if (existing.guideId === input.guideId) return { kind: 'same' };
  const rebindAt = rebindAtOf(existing, settings);
  if (rebindAt !== null && now >= rebindAt) return { kind: 'rebind', reason: 'idle' };
  return { kind: 'refuse', code: 'GUIDE_ALREADY_BOUND', rebindAt };
}

/** When another guide may take the customer over: `rebindDays` after the later of binding and last purchase; null when re-binding is off. */
export function rebindAtOf(existing: Pick<BindingFacts, 'boundAt' | 'lastPurchaseAt'>, settings: GuideSettings): number | null {
  if (settings.rebindDays <= 0) return null;
  return Math.max(existing.boundAt, existing.lastPurchaseAt ?? 0) + settings.rebindDays * DAY_MS;
}

export function guideSettingsOf(doc: Partial<GuideSettings> | null | undefined): GuideSettings {
  const bps = doc?.commissionBps;
  const days = doc?.rebindDays;
  return {
    commissionBps: Number.isInteger(bps) && bps! >= 0 && bps! <= GUIDE_SETTINGS_LIMITS.commissionBps ? bps! : DEFAULT_GUIDE_SETTINGS.commissionBps,
    rebindDays: Number.isInteger(days) && days! >= 0 && days! <= GUIDE_SETTINGS_LIMITS.rebindDays ? days! : DEFAULT_GUIDE_SETTINGS.rebindDays,
  };
}
