import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, call, toastError } from '../../../api'
import { usePayment, type PaymentOutcome } from '../../../components/pay-sheet'
import { IntentKey } from '../../../utils/intent-key'
import { orderUrl } from '../../../utils/routes'
import { askSubscribe } from '../../../utils/subscribe'
import { saveLastAddress } from '../../trade/checkout/address'
import type { GroupFulfillment } from './fulfillment-sheet'
import { isSeatRefusal, type SeatRefusal } from './refusals'

export type SeatIntent = { kind: 'open'; activityId: string } | { kind: 'join'; groupId: string }

interface Options {
  /** The seat is paid (or its payment is being confirmed): show the group. */
  onPaid: (groupId: string) => void
  /** The server refused the seat (GROUP_FULL, GROUP_CLOSED, …): the page says why. */
  onRefused: (refusal: SeatRefusal) => void
  /** The seat is held and its payment starts (close the fulfilment sheet). */
  onReserved?: () => void
}

const PAID: PaymentOutcome[] = ['paid', 'pending']

/**
 * 发起拼团 / 参与拼团: `groupbuy.open` or `groupbuy.join` with one requestId
 * per intent (a double tap or a retry of the same choice after a network
 * failure reserves one seat; a refusal or another choice starts a new intent), then payment right away (the sandbox
 * sheet on H5, WeChat's on weapp). Paid: the group's page. Not paid: the
 * order's page, where it can be paid until its window closes.
 */
export function useSeat({ onPaid, onRefused, onReserved }: Options) {
  const intentKey = useRef(new IntentKey()).current
  const busy = useRef(false)
  const [submitting, setSubmitting] = useState(false)
  const reserved = useRef<{ groupId: string } | null>(null)

  const payment = usePayment({
    onSettled: (orderId, outcome) => {
      const groupId = reserved.current?.groupId
      if (PAID.includes(outcome) && groupId) onPaid(groupId)
      else void Taro.navigateTo({ url: orderUrl(orderId) })
      // This intent is done: a later tap is a new one.
      reserved.current = null
      intentKey.renew()
      busy.current = false
      setSubmitting(false)
    }
  })

  const reserve = useCallback(
    async (intent: SeatIntent, fulfillment: GroupFulfillment) => {
      if (busy.current) return
      busy.current = true
      setSubmitting(true)
      // In the tap itself (WeChat's subscribe dialog needs a user gesture); never throws.
      await askSubscribe('groupBuy')
      let seat
      try {
        seat =
          intent.kind === 'open'
            ? await call('groupbuy', 'open', { activityId: intent.activityId, requestId: intentKey.for({ intent, fulfillment }), fulfillment })
            : await call('groupbuy', 'join', { groupId: intent.groupId, requestId: intentKey.for({ intent, fulfillment }), fulfillment })
      } catch (error) {
        busy.current = false
        setSubmitting(false)
        if (error instanceof ApiError && !error.isNetwork) intentKey.renew()
        if (error instanceof ApiError && isSeatRefusal(error.code)) onRefused({ code: error.code, message: error.message })
        else toastError(error)
        return
      }
      if (fulfillment.type === 'delivery') saveLastAddress(fulfillment.address)
      reserved.current = { groupId: seat.groupId }
      onReserved?.()
      await payment.pay(seat.orderId)
    },
    [onRefused, onReserved, payment.pay]
  )

  return { reserve, submitting: submitting || payment.starting, sheetProps: payment.sheetProps }
}
