import Taro, { useDidHide, useDidShow, useUnload } from '@tarojs/taro'
import { useRef } from 'react'
import { isWeapp } from '../../../utils/platform'

/**
 * A scanner reads a bright screen best: full brightness while the page is
 * shown, the user's own level back when it is left. weapp only (H5 has no
 * such API); a refusal is harmless.
 */
export function useFullBrightness(): void {
  const saved = useRef<number | null>(null)
  const restore = () => {
    if (saved.current === null) return
    const value = saved.current
    saved.current = null
    void Promise.resolve(Taro.setScreenBrightness({ value })).catch(() => undefined)
  }
  useDidShow(() => {
    if (!isWeapp()) return
    void Promise.resolve(Taro.getScreenBrightness({}))
      .then((res) => {
        saved.current ??= res.value
        return Taro.setScreenBrightness({ value: 1 })
      })
      .catch(() => undefined)
  })
  useDidHide(() => isWeapp() && restore())
  useUnload(() => isWeapp() && restore())
}
