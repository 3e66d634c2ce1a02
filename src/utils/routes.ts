/** Page URLs in one place, so a renamed page or query key changes here only. */
export const HOME_URL = '/pages/home/index'
export const CART_URL = '/pages/cart/index'

export const productUrl = (productId: string): string => `/pages/product/index?id=${encodeURIComponent(productId)}`

export const buyNowUrl = (skuId: string, quantity: number): string =>
  `/pages/checkout/index?source=buyNow&skuId=${encodeURIComponent(skuId)}&quantity=${quantity}`

export const cartCheckoutUrl = (skuIds: string[]): string =>
  `/pages/checkout/index?source=cart&skuIds=${skuIds.map(encodeURIComponent).join(',')}`

export const ordersUrl = (status?: string): string => (status ? `/pages/orders/index?status=${status}` : '/pages/orders/index')

/** Tab pages open with switchTab; others with navigateTo. */
export const TAB_PAGES = ['/pages/home/index', '/pages/catalog/index', '/pages/cart/index', '/pages/member/index', '/pages/me/index']
