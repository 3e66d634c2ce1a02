import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, call, toastError } from '../../../api'
import { askSubscribe } from '../../../utils/subscribe'

/** 提醒我 on an upcoming room: consent for the 开播提醒 message, then `live.remind` records it; the reminder goes out before the start, once. */
export function useLiveRemind(onChanged: () => void) {
  const [pending, setPending] = useState<string | null>(null)
  const busy = useRef(false)

  const remind = useCallback(
    async (roomId: string) => {
      if (busy.current) return
      busy.current = true
      setPending(roomId)
      // Consent for the 开播提醒 message, in the tap itself (WeChat needs a user gesture); never throws.
      await askSubscribe('liveRemind')
      try {
        await call('live', 'remind', { roomId })
        void Taro.showToast({ title: '已设置提醒，开播前通知你', icon: 'none' })
        onChanged()
      } catch (error) {
        toastError(error)
        if (error instanceof ApiError && !error.isNetwork) onChanged()
      } finally {
        busy.current = false
        setPending(null)
      }
    },
    [onChanged]
  )

  return { remind, pending }
}
