import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call, toastError } from '../../../api'
import type { FlashSaleView } from '../../../core/contracts/flashsale'

export type SaleAction = 'launchNow' | 'stop'

const CONFIRMS: Record<SaleAction, { title: string; content: string; confirmText: string; done: string }> = {
  launchNow: { title: '立即开始', content: '开始后顾客马上就能抢购，开始时间改为现在。确定立即开始吗？', confirmText: '立即开始', done: '秒杀已开始' },
  stop: {
    title: '停止秒杀',
    content: '停止后顾客不能再抢购，未售出的数量退回商品库存；已下的订单不受影响。确定停止吗？',
    confirmText: '确定停止',
    done: '秒杀已停止'
  }
}

/** 立即开始 / 停止: asks first, one at a time, then reads the sale again. */
export function useSaleActions(saleId: string, reload: () => Promise<void>) {
  const [pending, setPending] = useState<SaleAction | null>(null)
  const busy = useRef(false)

  const run = useCallback(
    async (action: SaleAction): Promise<FlashSaleView | null> => {
      if (busy.current) return null
      busy.current = true
      const ask = CONFIRMS[action]
      try {
        const answer = await Taro.showModal({
          title: ask.title,
          content: ask.content,
          confirmText: ask.confirmText,
          cancelText: '再想想',
          confirmColor: '#e4393c'
        }).catch(() => ({ confirm: false }))
        if (!answer.confirm) return null
        setPending(action)
        const sale = await call('flashsale', action, { saleId })
        void Taro.showToast({ title: ask.done, icon: 'success' })
        return sale
      } catch (error) {
        toastError(error)
        return null
      } finally {
        busy.current = false
        setPending(null)
        void reload()
      }
    },
    [saleId, reload]
  )

  return { pending, run }
}
