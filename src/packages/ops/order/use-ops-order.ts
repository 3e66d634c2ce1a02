import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { OpsOrderDetail } from '../../../core/contracts/order-ops'
import { isForbidden } from '../shared/errors'

export type OpsOrderState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; order: OpsOrderDetail }

/** One order as the operator sees it (`order.opsGet`); `reload` after an action on it. */
export function useOpsOrder(orderId: string) {
  const [state, setState] = useState<OpsOrderState>({ status: 'loading' })
  const generation = useRef(0)
  const reload = useCallback(async () => {
    if (!orderId) return
    const mine = ++generation.current
    try {
      const order = await call('order', 'opsGet', { orderId })
      if (mine === generation.current) setState({ status: 'ready', order })
    } catch (error) {
      if (mine === generation.current) setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [orderId])
  useEffect(() => {
    void reload()
  }, [reload])
  return { state, reload }
}
