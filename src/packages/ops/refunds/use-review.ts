import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, call, toastError } from '../../../api'
import type { RefundRequestRow } from '../../../core/contracts/order-refund'

/**
 * 同意 (after a confirm) and 拒绝 (with a reason): one decision at a time;
 * a request decided meanwhile (REFUND_ALREADY_DECIDED) reloads the list.
 */
export function useReview(reload: () => Promise<void>) {
  const [busy, setBusy] = useState(false)
  const [rejecting, setRejecting] = useState<RefundRequestRow | null>(null)
  const inFlight = useRef(false)

  const decide = useCallback(
    async (row: RefundRequestRow, decision: 'approve' | 'reject', reason?: string): Promise<boolean> => {
      if (inFlight.current) return false
      inFlight.current = true
      setBusy(true)
      try {
        await call('order', 'reviewRefund', { orderId: row.orderId, decision, attempt: row.attempt, ...(reason ? { reason } : {}) })
        void Taro.showToast({ title: decision === 'approve' ? '已同意退款' : '已拒绝退款', icon: 'success' })
        return true
      } catch (error) {
        if (error instanceof ApiError && error.code === 'REFUND_ALREADY_DECIDED') void Taro.showToast({ title: '该申请已被处理', icon: 'none' })
        else toastError(error)
        return false
      } finally {
        inFlight.current = false
        setBusy(false)
        void reload()
      }
    },
    [reload],
  )

  const approve = useCallback(
    async (row: RefundRequestRow) => {
      const answer = await Taro.showModal({
        title: '同意退款',
        content: `${row.customerName} 的${row.full ? '整单' : '部分'}退款 ¥${(row.amount / 100).toFixed(2)} 将原路退回，确定同意吗？`,
        confirmText: '同意',
        cancelText: '再想想',
        confirmColor: '#e4393c',
      }).catch(() => ({ confirm: false }))
      if (answer.confirm) await decide(row, 'approve')
    },
    [decide],
  )

  const reject = useCallback(
    async (reason: string) => {
      if (!rejecting) return
      if (await decide(rejecting, 'reject', reason)) setRejecting(null)
    },
    [decide, rejecting],
  )

  return { busy, approve, startReject: setRejecting, rejecting, reject, closeReject: () => setRejecting(null) }
}
