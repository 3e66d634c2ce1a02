import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, call, toastError } from '../../../api'
import { askReminderConsent } from './reminder-consent'

interface Options {
  saleId: string
  /** Shows 已设提醒 at once. */
  onReminded: () => void
  reload: () => void
}

/** 提醒我: asks for consent (hook for notifications), then `flashsale.remind` records the request. */
export function useRemind({ saleId, onReminded, reload }: Options) {
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  const remind = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    setPending(true)
    // First, in the tap itself: WeChat's subscribe dialog opens only from a user gesture.
    const consent = askReminderConsent()
    try {
      await consent
      await call('flashsale', 'remind', { saleId })
      onReminded()
      void Taro.showToast({ title: '已设置提醒，开抢前通知你', icon: 'none' })
    } catch (error) {
      toastError(error)
      if (error instanceof ApiError && !error.isNetwork) reload()
    } finally {
      busy.current = false
      setPending(false)
    }
  }, [saleId, onReminded, reload])

  return { remind, pending }
}
