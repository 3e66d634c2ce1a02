/** Page URLs in one place, so a renamed page or query key changes here only. */
export const HOME_URL = '/pages/home/index'
export const CART_URL = '/pages/cart/index'

export const productUrl = (productId: string): string => `/pages/product/index?id=${encodeURIComponent(productId)}`

/** Buy one SKU now; `liveRoomId` attributes the order to the live room the customer came from. */
export const buyNowUrl = (skuId: string, quantity: number, liveRoomId?: string): string =>
  `/packages/trade/checkout/index?source=buyNow&skuId=${encodeURIComponent(skuId)}&quantity=${quantity}` +
  (liveRoomId ? `&liveRoomId=${encodeURIComponent(liveRoomId)}` : '')

export const cartCheckoutUrl = (skuIds: string[]): string =>
  `/packages/trade/checkout/index?source=cart&skuIds=${skuIds.map(encodeURIComponent).join(',')}`

export const ordersUrl = (status?: string): string => (status ? `/packages/trade/orders/index?status=${status}` : '/packages/trade/orders/index')

export const orderUrl = (orderId: string): string => `/packages/trade/order/index?id=${encodeURIComponent(orderId)}`

/** Tab pages open with switchTab; others with navigateTo. */
export const TAB_PAGES = ['/pages/home/index', '/pages/catalog/index', '/pages/cart/index', '/pages/member/index', '/pages/me/index']
