export const GuideCollections = {
  codes: 'guide_codes',
  bindings: 'guide_bindings',
  settings: 'settings',
  roles: 'roles',
} as const;

/** `settings/guide`: commission rate and re-binding days (core/guide/rules). */
export const GUIDE_SETTINGS_ID = 'guide';

/** `guide_codes/{code}`: a guide's code at one store; the code is a hash of (guide, store), so asking twice finds the same one. */
export interface GuideCodeDoc {
  guideId: string;
  storeId: string;
  createdAt: number;
  /** weapp: the mini-program code's image in cloud storage, made on first ask. */
  wxacodeFileId?: string;
}

/**
 * `guide_bindings/{customer openid}`: the customer's guide (导购) and the
 * guide's store. Whether it still counts for the guide is decided on every
 * read against `roles` (the guide is still staff of `storeId`); when not,
 * the customer is the store's. `lastPurchaseAt` follows the customer's paid
 * orders (guide order hook); it and `boundAt` time the re-binding rule.
 */
export interface GuideBindingDoc {
  openid: string;
  guideId: string;
  storeId: string;
  code: string;
  boundAt: number;
  lastPurchaseAt: number | null;
  /** The binding this one replaced (re-bound after idle days, or from a guide who left). */
  previous: { guideId: string; storeId: string; boundAt: number; reason: 'guide_left' | 'idle' } | null;
  rebinds: number;
  updatedAt: number;
}
