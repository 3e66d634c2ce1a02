import Taro from '@tarojs/taro'
import { call } from '../api'
import { guideCodeOfQuery, isGuideCode, normaliseGuideCode } from '../core/guide/code'

const KEY = 'siyu.pendingGuide'
let watching = false
/** Refusals that will not change by trying again: the code is dropped. */
const FINAL = new Set(['GUIDE_NOT_FOUND', 'GUIDE_SELF', 'GUIDE_ALREADY_BOUND', 'INVALID_ARGUMENT'])

/** The `guide=` the app was opened with: the H5 URL's query, or on weapp the launch query (a link's `guide`, a mini-program code's `scene`). */
function launchGuideCode(options?: { query?: Record<string, string | undefined> }): string | null {
  if (process.env.TARO_ENV === 'h5') {
    return typeof window !== 'undefined' && window.location ? guideCodeOfQuery(window.location.search) : null
  }
  const query = options?.query ?? Taro.getLaunchOptionsSync?.()?.query ?? {}
  const raw = query.guide ?? (query.scene ? decodeURIComponent(query.scene) : undefined)
  if (!raw) return null
  const code = normaliseGuideCode(raw)
  return isGuideCode(code) ? code : null
}

/**
 * At launch: a guide's link or code (导购码) opened the app, so the customer
 * is bound to that guide (guide.bind) once signed in. The code waits in
 * storage until the server has answered, so a failed network is tried again
 * at the next launch; a refusal (another guide already, the guide left)
 * drops it quietly. Kept apart from the invite link (utils/invite-link).
 */
export function captureGuideLink(options?: { query?: Record<string, string | undefined> }): void {
  // weapp: a guide's code scanned while the app is already running shows it again instead of launching it.
  if (process.env.TARO_ENV === 'weapp' && !watching) {
    watching = true
    Taro.onAppShow?.((shown) => {
      if (shown?.query?.guide || shown?.query?.scene) captureGuideLink(shown as { query?: Record<string, string | undefined> })
    })
  }
  const opened = launchGuideCode(options)
  if (opened) Taro.setStorageSync(KEY, opened)
  const pending = opened ?? (Taro.getStorageSync(KEY) as string | '')
  if (!pending) return
  void call('guide', 'bind', { code: pending })
    .then((result) => {
      Taro.removeStorageSync(KEY)
      if (result.boundNow) void Taro.showToast({ title: `已绑定专属导购 ${result.guide}`, icon: 'none' })
    })
    .catch((error: { code?: string }) => {
      if (error?.code && FINAL.has(error.code)) Taro.removeStorageSync(KEY)
    })
}
