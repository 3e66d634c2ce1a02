import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, call, errorMessage } from '../../../api'
import { redeemResultUrl } from '../../../components/mall-entries/links'
import { usePayment } from '../../../components/pay-sheet'
import type { MallItemDetailView, RedeemInput } from '../../../core/contracts/mall'
import { formatPrice } from '../../../core/money'
import { IntentKey } from '../../../utils/intent-key'
import { orderUrl } from '../../../utils/routes'

/** Refusals shown on the page (and as a toast): the customer can read why and what to do. */
const INLINE_CODES = new Set(['INSUFFICIENT_POINTS', 'MALL_SOLD_OUT', 'MALL_LIMIT_REACHED', 'MALL_ITEM_OFF_SALE', 'NOT_A_MEMBER'])

export interface RedeemProblem {
  code: string
  message: string
}

type Where = Pick<RedeemInput, 'fulfillment'> & { label: string | null }

/**
 * 立即兑换: confirm the points (and cash) to spend, then `mall.redeem` with one
 * requestId per choice (a double tap or a retry redeems once; another
 * delivery choice is a new intent). Points
 * only: the result page; points + cash: the pay flow, then the order's page.
 */
export function useRedeem(onRefused: (problem: RedeemProblem) => void) {
  const intent = useRef(new IntentKey()).current
  const busy = useRef(false)
  const [submitting, setSubmitting] = useState(false)

  const payment = usePayment({
    onSettled: (orderId) => {
      void Taro.redirectTo({ url: orderUrl(orderId) })
    }
  })

  const redeem = useCallback(
    async (item: MallItemDetailView, where: Where) => {
      if (busy.current) return
      busy.current = true
      setSubmitting(true)
      const release = () => {
        busy.current = false
        setSubmitting(false)
      }
      const answer = await Taro.showModal({
        title: '确认兑换',
        content: confirmText(item, where.label),
        confirmText: '确定兑换',
        cancelText: '再想想',
        confirmColor: '#e4393c'
      }).catch(() => ({ confirm: false }))
      if (!answer.confirm) {
        release()
        return
      }
      let result
      try {
        const input = { itemId: item.itemId, ...(where.fulfillment ? { fulfillment: where.fulfillment } : {}) }
        result = await call('mall', 'redeem', { ...input, requestId: intent.for(input) })
      } catch (error) {
        release()
        const message = errorMessage(error)
        void Taro.showToast({ title: message, icon: 'none', duration: 2500 })
        if (error instanceof ApiError && INLINE_CODES.has(error.code)) onRefused({ code: error.code, message })
        return
      }
      // The order exists: the button stays off, this visit is done with it.
      if (!result.needsPayment) {
        void Taro.redirectTo({ url: redeemResultUrl(result.order._id, result.pointsSpent) })
        return
      }
      await payment.pay(result.order._id)
    },
    [intent, onRefused, payment.pay]
  )

  return { redeem, submitting: submitting || payment.starting, sheetProps: payment.sheetProps }
}

function confirmText(item: MallItemDetailView, where: string | null): string {
  const cash = item.cashPrice > 0 ? `，并支付 ${formatPrice(item.cashPrice)}` : ''
  return `将使用 ${item.pointsPrice} 积分${cash}兑换「${item.title}」${where ? `（${where}）` : ''}`
}
