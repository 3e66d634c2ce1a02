import Taro, { useDidShow } from '@tarojs/taro'
import { useCartStore } from '../stores/cart'

/** 购物车 is the third tab (src/app.config.ts). */
export const CART_TAB_INDEX = 2

/** Shows the cart's item count on its tab; no badge for an empty cart. */
export function syncCartBadge(count: number): void {
  const result =
    count > 0
      ? Taro.setTabBarBadge({ index: CART_TAB_INDEX, text: count > 99 ? '99+' : String(count) })
      : Taro.removeTabBarBadge({ index: CART_TAB_INDEX })
  // Outside a tab page (or with no tab bar) the platform refuses; the next tab page shown syncs again.
  void Promise.resolve(result).catch(() => undefined)
}

/** Once, from the app: the badge follows every change of the cart's count. */
export function watchCartBadge(): () => void {
  return useCartStore.subscribe((state, previous) => {
    if (state.count !== previous.count) syncCartBadge(state.count)
  })
}

/** In tab pages: load the cart once, and repaint the badge whenever the tab is shown. */
export function useCartBadgeOnShow(): void {
  useDidShow(() => {
    const cart = useCartStore.getState()
    // After a reset (another identity) the count may stay 0 and the watcher sees no change:
    // paint explicitly once loaded.
    if (cart.status === 'idle') void cart.load().then(() => syncCartBadge(useCartStore.getState().count))
    else syncCartBadge(cart.count)
  })
}
