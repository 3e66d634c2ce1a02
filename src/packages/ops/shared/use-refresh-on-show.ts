import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Reloads an ops page when it shows again (back from a form, a detail or a review: what changed there shows at once)
 * and on pull-down. The first show is the mount, where the page's own hook already reads.
 */
export function useRefreshOnShow(reload: () => Promise<unknown>): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void reload().finally(() => void Taro.stopPullDownRefresh())
  })
}
