import type { ShareKind } from './share';

/**
 * Share targets of mini-program codes (issue 13): a product, group-buy,
 * group or flash-sale poster's code opens the growth landing page with a
 * short scene (WeChat allows at most 32 visible characters, so never a
 * path). The scene names a stored target — `t.` + 12 Crockford base32
 * characters, derived from (sharer's code, kind, id) — that the landing page
 * resolves back to the page with `sharer=` on it. Invite codes stay 8
 * characters without the prefix.
 */

export const SHARE_TARGET_KINDS = ['product', 'groupbuy', 'group', 'flashsale'] as const;
export type ShareTargetKind = (typeof SHARE_TARGET_KINDS)[number];

export const SHARE_TARGET_CODE_LENGTH = 12;
export const SHARE_SCENE_PREFIX = 't.';
/** WeChat's limit for `wxacode.getUnlimited`'s scene. */
export const WXACODE_SCENE_MAX = 32;
const TARGET_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{12}$/;

export function isShareTargetCode(code: string): boolean {
  return TARGET_CODE_PATTERN.test(code);
}

/** The scene of a target's mini-program code: `t.` + its code (14 characters). */
export function shareTargetScene(code: string): string {
  return `${SHARE_SCENE_PREFIX}${code}`;
}

const PAGE_OF: Record<ShareTargetKind, string> = {
  product: '/pages/product/index',
  groupbuy: '/packages/groupbuy/activity/index',
  group: '/packages/groupbuy/group/index',
  flashsale: '/packages/flashsale/detail/index',
};

/** The share kind its opens and orders count as (a group is shared as a group-buy). */
export function shareKindOfTarget(kind: ShareTargetKind): ShareKind {
  return kind === 'group' ? 'groupbuy' : kind;
}

/** The page a target opens, with the sharer's code: e.g. /pages/product/index?id=p1&sharer=AB12CD34. */
export function shareTargetPath(kind: ShareTargetKind, id: string, sharerCode: string): string {
  return `${PAGE_OF[kind]}?id=${encodeURIComponent(id)}&sharer=${encodeURIComponent(sharerCode)}`;
}

export type LandingScene = { kind: 'target'; code: string } | { kind: 'invite'; code: string } | null;

/**
 * What the landing page's `scene` (URL-encoded by WeChat) names: a share
 * target (`t.<code>`, case-insensitive), or else an invite code as given
 * (the server checks it); null when empty or undecodable.
 */
export function parseLandingScene(raw: string | undefined | null): LandingScene {
  if (!raw) return null;
  let scene: string;
  try {
    scene = decodeURIComponent(raw).trim();
  } catch {
    return null;
  }
  if (!scene) return null;
  if (scene.toLowerCase().startsWith(SHARE_SCENE_PREFIX)) {
    const code = scene.slice(SHARE_SCENE_PREFIX.length).toUpperCase();
    return isShareTargetCode(code) ? { kind: 'target', code } : null;
  }
  return { kind: 'invite', code: scene };
}
