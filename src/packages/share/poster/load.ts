import { ApiError, call } from '../../../api'
import { loadAccount } from '../../../utils/account'
import { isH5 } from '../../../utils/platform'
import type { PosterKind } from '../../../utils/poster/layout'
import { flashSalePoster, groupBuyPoster, groupPoster, invitePoster, productPoster, type PosterSource } from './content'

/** Codes that mean there is nothing to make a poster of: retrying will not help. */
export const MISSING_CODES = ['PRODUCT_NOT_FOUND', 'PRODUCT_OFF_SALE', 'ACTIVITY_NOT_FOUND', 'GROUP_NOT_FOUND', 'SALE_NOT_FOUND', 'INVALID_ARGUMENT']

export const isMissing = (error: unknown): boolean => error instanceof ApiError && MISSING_CODES.includes(error.code)

export interface LoadedPoster extends PosterSource {
  /** The mini-program code (fileID or URL) when the server made one (invites on weapp). */
  codeImage: string | null
  /** The sharer's share code (`sharer=` on the path), when share attribution has one. */
  sharerCode: string | null
}

/**
 * The sharer's share code for `sharer=` (share attribution, growth.shareCode).
 * A poster without it still works: it then carries the plain path.
 */
async function sharerCode(): Promise<string | null> {
  try {
    return (await call('growth', 'shareCode', {})).code
  } catch {
    return null
  }
}

/**
 * weapp: the target's mini-program code (growth.shareWxaCode answers its
 * `cloud://` fileID; the scene opens the growth landing page, which goes on
 * to the page with the sharer). Null on H5, without WeChat (the local cloud)
 * or on a failure: the poster then draws a QR of the path.
 */
async function shareWxaCodeOf(kind: Exclude<PosterKind, 'invite'>, id: string): Promise<string | null> {
  if (isH5()) return null
  try {
    return (await call('growth', 'shareWxaCode', { kind, id })).fileID
  } catch {
    return null
  }
}

/** What the poster of `kind` shows, read through the same calls its page makes. */
export async function loadPosterSource(kind: PosterKind, id: string): Promise<LoadedPoster> {
  const shared = async (source: Promise<PosterSource>): Promise<LoadedPoster> => {
    // The page's own call first: a missing target answers its clear code before any mini-program code is asked for.
    const loaded = await source
    const [code, codeImage] = await Promise.all([sharerCode(), shareWxaCodeOf(kind as Exclude<PosterKind, 'invite'>, id)])
    return { ...loaded, codeImage, sharerCode: code }
  }
  switch (kind) {
    case 'product':
      return shared(call('catalog', 'productDetail', { productId: id }).then(productPoster))
    case 'groupbuy':
      return shared(call('groupbuy', 'getActivity', { activityId: id }).then(groupBuyPoster))
    case 'group':
      return shared(call('groupbuy', 'get', { groupId: id }).then(groupPoster))
    case 'flashsale':
      return shared(call('flashsale', 'get', { saleId: id }).then(flashSalePoster))
    case 'invite': {
      // The invite link carries the code itself (no sharer=); weapp gets the mini-program code when the server made one.
      const [invite, rules] = await Promise.all([call('growth', 'inviteCode', {}), call('growth', 'invites', {}).then((v) => v.rules).catch(() => null)])
      const gift = rules?.enabled ? rules.invitee : null
      // The fileID first: weapp downloads it with Taro.cloud.downloadFile (no download domain needed).
      return { ...invitePoster(invite.path, gift), codeImage: invite.wxacodeFileId ?? invite.wxacodeUrl, sharerCode: null }
    }
  }
}

/** The sharer on the poster: the member's nickname (see utils/account), 微信用户 when unknown. */
export async function loadSharerName(): Promise<string> {
  try {
    return (await loadAccount()).nickname
  } catch {
    return '微信用户'
  }
}
