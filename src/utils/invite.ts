import Taro from '@tarojs/taro'
import { ApiError, call } from '../api'
import type { BindInviteView } from '../core/contracts/growth'
import { SHARE_PAGES } from '../core/growth/share'
import { parseLandingScene } from '../core/growth/share-target'

/**
 * Invites and share cards as the app sees them (issue 13):
 * - an `invite` query (or a mini-program code's `scene`) seen on launch or on
 *   the landing page is kept until the customer is signed in, then bound
 *   once (growth.bindInvite); a refusal is final, a network failure retries at
 *   the next launch. On weapp everyone is signed in by openid; on H5 the call
 *   signs in as the current dev identity.
 * - a `sharer` query on a product, group-buy, flash-sale or live page is
 *   reported once (growth.openShare), so the order that follows counts for
 *   the sharer.
 * - share cards add the customer's own share code (never an openid).
 */

const PENDING_KEY = 'siyu.invite.pending'
const RESULT_KEY = 'siyu.invite.result'
const SHARE_CODE_KEY = 'siyu.share.code'

type Query = Record<string, string | undefined>

/**
 * The invite code of a page's query: `invite=`, or the wxacode's `scene`
 * (URL-encoded by WeChat). A poster's share-target scene (`t.<code>`) is not
 * an invite: the landing page resolves it to its page instead.
 */
export function inviteCodeOf(query: Query | undefined): string | null {
  if (!query) return null
  if (query.invite) return query.invite
  const scene = parseLandingScene(query.scene)
  return scene?.kind === 'invite' ? scene.code : null
}

/** The share-target code of a landing page's `scene` (a poster's mini-program code), or null. */
export function shareTargetOf(query: Query | undefined): string | null {
  const scene = query?.invite ? null : parseLandingScene(query?.scene)
  return scene?.kind === 'target' ? scene.code : null
}

export type InviteOutcome = { kind: 'bound'; view: BindInviteView } | { kind: 'refused'; code: string; message: string }

let binding: Promise<InviteOutcome | null> | null = null

/** Keeps `code` and binds it now (the customer is signed in, or signs in through the call). */
export function acceptInvite(code: string): Promise<InviteOutcome | null> {
  Taro.setStorageSync(PENDING_KEY, code)
  binding = null
  return bindPendingInvite(code)
}

/** Binds the kept invite (or `given`) once; the outcome is kept for the landing page. Null when there is none or the network failed. */
export function bindPendingInvite(given?: string): Promise<InviteOutcome | null> {
  const code = given || (Taro.getStorageSync(PENDING_KEY) as string)
  if (!code) return Promise.resolve(lastInviteOutcome())
  binding ??= call('growth', 'bindInvite', { code })
    .then((view): InviteOutcome => ({ kind: 'bound', view }))
    .catch((error: unknown): InviteOutcome | null => {
      if (error instanceof ApiError && !error.isNetwork) return { kind: 'refused', code: error.code, message: error.message }
      return null
    })
    .then((outcome) => {
      binding = null
      if (outcome) {
        Taro.removeStorageSync(PENDING_KEY)
        Taro.setStorageSync(RESULT_KEY, JSON.stringify(outcome))
      }
      return outcome
    })
  return binding
}

export function lastInviteOutcome(): InviteOutcome | null {
  try {
    const raw = Taro.getStorageSync(RESULT_KEY) as string
    return raw ? (JSON.parse(raw) as InviteOutcome) : null
  } catch {
    return null
  }
}

/** Reports a share card's open: the page route and its query (`sharer`, the target's id). Best effort. */
export function noteShareOpen(route: string, query: Query | undefined): void {
  const page = SHARE_PAGES[route.replace(/^\//, '')]
  const sharer = query?.sharer
  const targetId = page ? query?.[page.param] : undefined
  if (!page || !sharer || !targetId) return
  void call('growth', 'openShare', { sharer, kind: page.kind, targetId: decodeURIComponent(targetId) }).catch(() => undefined)
}

/** On launch and on every return to the app (weapp), or from the address bar (H5): a kept invite, a share's open. */
export function watchInvitesAndShares(): void {
  const seen = (path: string, query: Query | undefined) => {
    const code = inviteCodeOf(query)
    if (code && !path.includes('packages/growth/landing')) Taro.setStorageSync(PENDING_KEY, code)
    noteShareOpen(path, query)
    void bindPendingInvite()
  }
  if (process.env.TARO_ENV === 'weapp') {
    Taro.onAppShow((options) => seen(options.path, options.query as Query))
    void prefetchShareCode()
  } else if (typeof window !== 'undefined') {
    seen(window.location.pathname, Object.fromEntries(new URLSearchParams(window.location.search)))
  }
}

/** weapp: the customer's share code, fetched once and kept, for share cards built synchronously. */
export async function prefetchShareCode(): Promise<void> {
  if (Taro.getStorageSync(SHARE_CODE_KEY)) return
  try {
    const { code } = await call('growth', 'shareCode', {})
    Taro.setStorageSync(SHARE_CODE_KEY, code)
  } catch {
    // Cards go without the sharer until the next launch.
  }
}

/** A share card's path with the sharer's code added (unchanged until the code is known). */
export function withSharer(path: string): string {
  const code = Taro.getStorageSync(SHARE_CODE_KEY) as string
  if (!code) return path
  return `${path}${path.includes('?') ? '&' : '?'}sharer=${encodeURIComponent(code)}`
}
