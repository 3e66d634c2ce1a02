import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, errorMessage } from '../../../api'
import type { MallItemDetailView } from '../../../core/contracts/mall'

export type MallItemState =
  | { status: 'loading' }
  /** Gone or off sale: retrying will not help. */
  | { status: 'missing'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; item: MallItemDetailView }

const MISSING_CODES = ['MALL_ITEM_NOT_FOUND', 'MALL_ITEM_OFF_SALE', 'INVALID_ARGUMENT']

/** One item of the points mall (`mall.get`); a reload keeps the item shown until the new answer. */
export function useMallItem(itemId: string) {
  const [state, setState] = useState<MallItemState>({ status: 'loading' })
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    if (!itemId) {
      setState({ status: 'missing', message: '没有找到这件兑换商品' })
      return
    }
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    try {
      const item = await call('mall', 'get', { itemId })
      if (mine === generation.current) setState({ status: 'ready', item })
    } catch (error) {
      if (mine !== generation.current) return
      const missing = error instanceof ApiError && MISSING_CODES.includes(error.code)
      setState((s) => (s.status === 'ready' && !missing ? s : { status: missing ? 'missing' : 'error', message: errorMessage(error) }))
    }
  }, [itemId])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload }
}
