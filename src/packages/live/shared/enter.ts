import Taro from '@tarojs/taro'
import { liveRoomUrl } from '../../../components/live-entry/links'
import { isWeapp } from '../../../utils/platform'

/** WeChat's live-player plugin (declared in app.config on weapp). */
export const LIVE_PLUGIN_PAGE = 'plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin'

/** The plugin page of a room; custom_params carry the sharer so orders are attributed. */
export function livePlayerUrl(roomId: string, sharer: string | null): string {
  const custom = encodeURIComponent(JSON.stringify({ sharer: sharer ?? '' }))
  return `${LIVE_PLUGIN_PAGE}?room_id=${encodeURIComponent(roomId)}&custom_params=${custom}`
}

/** 进入直播间: the live-player plugin on weapp; the room's page (detail and goods) on H5. */
export function enterRoom(roomId: string, sharer: string | null): void {
  const url = isWeapp() ? livePlayerUrl(roomId, sharer) : liveRoomUrl(roomId)
  void Promise.resolve(Taro.navigateTo({ url })).catch(() => undefined)
}

/** A product bought from a room: its page carries the room so the order is attributed (`liveRoomId`). */
export const liveProductUrl = (productId: string, roomId: string): string =>
  `/pages/product/index?id=${encodeURIComponent(productId)}&liveRoomId=${encodeURIComponent(roomId)}`
