/** Page URLs in one place, so a renamed page or query key changes here only. */
export const HOME_URL = '/pages/home/index'
export const CART_URL = '/pages/cart/index'
/** H5: where an unknown URL is redirected (src/app.ts). */
export const NOT_FOUND_URL = '/packages/nav/not-found/index'

export const productUrl = (productId: string): string => `/pages/product/index?id=${encodeURIComponent(productId)}`

/** Buy one SKU now; `liveRoomId` attributes the order to the live room the customer came from. */
export const buyNowUrl = (skuId: string, quantity: number, liveRoomId?: string): string =>
  `/packages/trade/checkout/index?source=buyNow&skuId=${encodeURIComponent(skuId)}&quantity=${quantity}` +
  (liveRoomId ? `&liveRoomId=${encodeURIComponent(liveRoomId)}` : '')

export const cartCheckoutUrl = (skuIds: string[]): string =>
  `/packages/trade/checkout/index?source=cart&skuIds=${skuIds.map(encodeURIComponent).join(',')}`

export const ordersUrl = (status?: string): string => (status ? `/packages/trade/orders/index?status=${status}` : '/packages/trade/orders/index')

export const orderUrl = (orderId: string): string => `/packages/trade/order/index?id=${encodeURIComponent(orderId)}`

/** 支付成功: the paid order's amount, points and the way on. */
export const payResultUrl = (orderId: string): string => `/packages/trade/pay-result/index?id=${encodeURIComponent(orderId)}`

/** The address book; `select`: tapping an address picks it for the checkout (`selected`: the one in use). */
export const addressesUrl = (options: { select?: boolean; selected?: string | null } = {}): string =>
  '/packages/trade/addresses/index' +
  (options.select ? `?select=1${options.selected ? `&selected=${encodeURIComponent(options.selected)}` : ''}` : '')

/** A new address, or the one with `addressId`. */
export const addressFormUrl = (addressId?: string): string =>
  `/packages/trade/address-form/index${addressId ? `?id=${encodeURIComponent(addressId)}` : ''}`

/** Tab pages open with switchTab; others with navigateTo. */
export const TAB_PAGES = ['/pages/home/index', '/pages/catalog/index', '/pages/cart/index', '/pages/member/index', '/pages/me/index']
