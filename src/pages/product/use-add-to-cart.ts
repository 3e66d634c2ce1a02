import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { ApiError, toastError } from '../../api'
import { useCartStore } from '../../stores/cart'
import { newRequestId } from '../../utils/request-id'

/**
 * 加入购物车 for one SKU and quantity. A tap intent carries one requestId:
 * a double tap is ignored while the first is in flight, and a retry after a
 * network failure reuses the id, so the server adds once. A new choice (SKU or
 * quantity) or a completed add starts a new intent.
 */
export function useAddToCart(skuId: string | null, quantity: number) {
  const add = useCartStore((s) => s.add)
  const [adding, setAdding] = useState(false)
  const inFlight = useRef(false)
  const intent = useRef(newRequestId())

  useEffect(() => {
    intent.current = newRequestId()
  }, [skuId, quantity])

  const addToCart = useCallback(async () => {
    if (!skuId || inFlight.current) return
    inFlight.current = true
    setAdding(true)
    try {
      await add(skuId, quantity, intent.current)
      intent.current = newRequestId()
      void Taro.showToast({ title: '已加入购物车', icon: 'success' })
    } catch (error) {
      if (!(error instanceof ApiError && error.isNetwork)) intent.current = newRequestId()
      toastError(error)
    } finally {
      inFlight.current = false
      setAdding(false)
    }
  }, [add, skuId, quantity])

  return { adding, addToCart }
}
