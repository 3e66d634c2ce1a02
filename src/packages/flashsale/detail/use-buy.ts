import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, call, errorMessage } from '../../../api'
import { IntentKey } from '../../../utils/intent-key'
import { orderUrl } from '../../../utils/routes'

/** Refusals after which 立即抢购 stays off on this visit (until the page is shown or pulled again). */
export type BuyRefusal = 'SOLD_OUT' | 'LIMIT_EXCEEDED' | 'ENDED'
const FINAL_REFUSALS: string[] = ['SOLD_OUT', 'LIMIT_EXCEEDED', 'ENDED']
// NOT_ENOUGH_LEFT is not final: fewer units may still be bought (the sale is read again).

interface Options {
  saleId: string
  /** The sale changed under the customer (refused, or bought): read it again. */
  reload: () => void
}

/**
 * 立即抢购 (picked up at the chosen store): `flashsale.buy` with one requestId per intent. A double tap sends
 * one request; a network failure keeps the requestId for the same store, so
 * tapping again cannot buy twice; another store or a definite answer starts a
 * new intent. On success the customer
 * pays on the order's page (去支付, with the payment countdown).
 */
export function useBuy({ saleId, reload }: Options) {
  const [pending, setPending] = useState(false)
  const [refusal, setRefusal] = useState<BuyRefusal | null>(null)
  const busy = useRef(false)
  const intent = useRef(new IntentKey()).current

  const buy = useCallback(async (storeId: string | null, quantity = 1) => {
    if (busy.current) return
    if (!storeId) {
      void Taro.showToast({ title: '请选择自提门店', icon: 'none' })
      return
    }
    busy.current = true
    setPending(true)
    try {
      const input = { saleId, fulfillment: { type: 'pickup' as const, storeId }, ...(quantity > 1 ? { quantity } : {}) }
      const { orderId } = await call('flashsale', 'buy', { ...input, requestId: intent.for(input) })
      intent.renew()
      void Taro.showToast({ title: '抢到了，请尽快支付', icon: 'none' })
      await Taro.navigateTo({ url: orderUrl(orderId) }).catch(() => undefined)
    } catch (error) {
      const definite = error instanceof ApiError && !error.isNetwork
      if (definite) intent.renew()
      void Taro.showToast({ title: errorMessage(error), icon: 'none', duration: 2500 })
      if (error instanceof ApiError && FINAL_REFUSALS.includes(error.code)) setRefusal(error.code as BuyRefusal)
      if (definite) reload()
    } finally {
      busy.current = false
      setPending(false)
    }
  }, [saleId, reload, intent])

  /** The customer asked to see the sale afresh: let what it shows decide again. */
  const clearRefusal = useCallback(() => setRefusal(null), [])

  return { buy, pending, refusal, clearRefusal }
}
