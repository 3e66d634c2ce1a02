import dayjs from 'dayjs'
import type { ProductDetail } from '../../../core/contracts/catalog'
import type { FlashSaleView } from '../../../core/contracts/flashsale'
import type { ActivityDetailView, GroupView } from '../../../core/contracts/groupbuy'
import { flashSaleUrl } from '../../../components/flash-sale-card/links'
import type { PosterContent, PosterKind } from '../../../utils/poster/layout'
import { productUrl } from '../../../utils/routes'
import { activityUrl, groupUrl } from '../../groupbuy/shared/links'
import { durationLabel } from '../../groupbuy/shared/terms'

/**
 * What each kind of poster says, from what its page already reads: pure
 * mappings (no I/O), so the page and the tests agree on the words and the
 * share path.
 */

export const SHOP_NAME = '私域商城'

export const POSTER_KINDS: PosterKind[] = ['product', 'groupbuy', 'group', 'flashsale', 'invite']

export const isPosterKind = (value: unknown): value is PosterKind => POSTER_KINDS.includes(value as PosterKind)

export { posterUrl } from '../../../utils/poster/url'

/** What a poster shows except the sharer (known per viewer), and where its code leads. */
export interface PosterSource {
  content: Omit<PosterContent, 'sharer'>
  /** The cover image (a `cloud://` fileID or URL), or null. */
  image: string | null
  /** The page path the code opens, e.g. /pages/product/index?id=p1 (no sharer yet). */
  path: string
}

const base = { shopName: SHOP_NAME, codeCaption: '长按识别二维码', panel: null }

export function productPoster(product: ProductDetail): PosterSource {
  const image = product.image ?? product.images[0] ?? null
  return {
    image,
    path: productUrl(product._id),
    content: {
      ...base,
      kind: 'product',
      title: product.subtitle ? `${product.name} ${product.subtitle}` : product.name,
      price: product.price,
      priceLabel: null,
      listPrice: product.listPrice,
      note: product.salesCount > 0 ? `已售 ${product.salesCount} 件` : null,
      hasImage: image !== null,
      greeting: '为你推荐一件好物',
      codeHint: '查看商品详情',
    },
  }
}

export function groupBuyPoster(detail: ActivityDetailView): PosterSource {
  const { activity } = detail
  return {
    image: activity.image,
    path: activityUrl(activity.activityId),
    content: {
      ...base,
      kind: 'groupbuy',
      title: activity.title,
      price: activity.groupPrice,
      priceLabel: `${activity.groupSize}人团`,
      listPrice: activity.listPrice,
      note: `拼团价 · ${durationLabel(activity.timeLimitMinutes)}内成团${detail.soldCount > 0 ? ` · 已拼 ${detail.soldCount} 件` : ''}`,
      hasImage: activity.image !== null,
      greeting: '邀你一起拼团，更划算',
      codeHint: '一起拼团',
    },
  }
}

export function groupPoster(group: GroupView): PosterSource {
  const { activity } = group
  const open = group.state === 'OPEN' && group.seatsLeft > 0
  return {
    image: activity.image,
    path: groupUrl(group.groupId),
    content: {
      ...base,
      kind: 'group',
      title: activity.title,
      price: group.groupPrice,
      priceLabel: `${group.size}人团`,
      listPrice: activity.listPrice,
      note: open ? `还差 ${group.seatsLeft} 人成团，快来参团` : `${group.size}人团 · ${group.stateLabel}`,
      hasImage: activity.image !== null,
      greeting: open ? `邀你参团，还差 ${group.seatsLeft} 人` : '邀你一起拼团，更划算',
      codeHint: open ? '参与拼团' : '查看拼团',
    },
  }
}

export function flashSalePoster(sale: FlashSaleView): PosterSource {
  const upcoming = sale.state === 'SCHEDULED'
  return {
    image: sale.image,
    path: flashSaleUrl(sale.saleId),
    content: {
      ...base,
      kind: 'flashsale',
      title: sale.title || sale.productName,
      price: sale.salePrice,
      priceLabel: '秒杀价',
      listPrice: sale.listPrice,
      note: upcoming
        ? `${dayjs(sale.startAt).format('M月D日 HH:mm')} 开抢 · 限量 ${sale.quantity} 件`
        : `限时秒杀 · ${dayjs(sale.endAt).format('M月D日 HH:mm')} 结束`,
      hasImage: sale.image !== null,
      greeting: upcoming ? '秒杀即将开始，一起来抢' : '限时秒杀，手慢无',
      codeHint: upcoming ? '预约抢购' : '立即抢购',
    },
  }
}

/** What the invitee gets (growth.invites `rules.invitee`), when invite rewards are on. */
export interface InviteGift {
  points: number
  coupon: string | null
}

/** `100 积分 + 满50减5券`; null when there is nothing to promise. */
export function inviteGiftText(gift: InviteGift | null): string | null {
  if (!gift) return null
  const parts = [gift.points > 0 ? `${gift.points} 积分` : null, gift.coupon].filter((p): p is string => Boolean(p))
  return parts.length > 0 ? parts.join(' + ') : null
}

/**
 * The member's invite (growth.inviteCode answers its path). The gift is
 * promised only when the rules give one, and as they give it: on the
 * invitee's first order once it can no longer be refunded.
 */
export function invitePoster(path: string, gift: InviteGift | null): PosterSource {
  const giftText = inviteGiftText(gift)
  const headline = giftText ? '送你一份新人礼' : `邀你一起逛${SHOP_NAME}`
  return {
    image: null,
    path,
    content: {
      ...base,
      kind: 'invite',
      title: headline,
      price: null,
      priceLabel: null,
      listPrice: null,
      note: null,
      hasImage: false,
      panel: { headline, subline: giftText ? `注册会员，完成首单即得 ${giftText}` : '扫码注册会员，好物好价等你来' },
      greeting: `邀请你加入${SHOP_NAME}`,
      codeHint: giftText ? '注册领新人礼' : '注册成为会员',
    },
  }
}

/**
 * The path with the sharer on it (`sharer=<code>`), so the opener and their
 * order can be attributed; unchanged without a code.
 */
export function withSharerCode(path: string, sharerCode: string | null): string {
  if (!sharerCode || /[?&]sharer=/.test(path)) return path
  return `${path}${path.includes('?') ? '&' : '?'}sharer=${encodeURIComponent(sharerCode)}`
}
