import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call, toastError } from '../../../api'

/** 停止: asks first, then `groupbuy.stopActivity`, then reads the activity again. */
export function useStopActivity(activityId: string, reload: () => Promise<void>) {
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  const stop = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    try {
      const answer = await Taro.showModal({
        title: '停止拼团',
        content: '停止后顾客不能再开团或参团。确定停止吗？',
        confirmText: '确定停止',
        cancelText: '再想想',
        confirmColor: '#e4393c'
      }).catch(() => ({ confirm: false }))
      if (!answer.confirm) return
      setPending(true)
      await call('groupbuy', 'stopActivity', { activityId })
      void Taro.showToast({ title: '拼团已停止', icon: 'success' })
    } catch (error) {
      toastError(error)
    } finally {
      busy.current = false
      setPending(false)
      void reload()
    }
  }, [activityId, reload])

  return { stop, pending }
}
