import Taro from '@tarojs/taro'
import { TAB_PAGES } from './routes'

/** Opens a page path from data (a banner's link): tab pages by switchTab, others by navigateTo. */
export function openLink(url: string | null | undefined): void {
  if (!url) return
  const path = url.split('?')[0]
  const open = TAB_PAGES.includes(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url })
  void Promise.resolve(open).catch(() => undefined)
}

/** "即将上线" for features that arrive in a later release. */
export function showComingSoon(): void {
  void Taro.showToast({ title: '即将上线', icon: 'none' })
}
