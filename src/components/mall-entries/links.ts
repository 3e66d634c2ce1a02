/** Page URLs of the points mall and coupons subpackage (src/packages/mall), in one place. */
export const MALL_URL = '/packages/mall/index/index'
export const MY_COUPONS_URL = '/packages/mall/coupons/index'
export const CLAIM_CENTER_URL = '/packages/mall/claim/index'

export const mallItemUrl = (itemId: string): string => `/packages/mall/item/index?id=${encodeURIComponent(itemId)}`

export const redeemResultUrl = (orderId: string, points: number): string =>
  `/packages/mall/result/index?orderId=${encodeURIComponent(orderId)}&points=${points}`
