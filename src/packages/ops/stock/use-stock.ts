import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { LowStockOutput, StockEntryView, StockSkuView } from '../../../core/contracts/stock'
import { isForbidden } from '../shared/errors'

export type LowStockState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | ({ status: 'ready' } & LowStockOutput)

/** The low-stock list (SKUs at or under the threshold in settings). */
export function useLowStock() {
  const [state, setState] = useState<LowStockState>({ status: 'loading' })
  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      setState({ status: 'ready', ...(await call('catalog', 'lowStock', {})) })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])
  useEffect(() => {
    void load()
  }, [load])
  return { state, reload: load }
}

export type LedgerState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; sku: StockSkuView; entries: StockEntryView[]; nextCursor: string | null; more: 'idle' | 'loading' | 'error' }

/** One SKU's stock and its ledger, newest first, paged. A newer load wins over an older one. */
export function useSkuLedger(skuId: string) {
  const [state, setState] = useState<LedgerState>({ status: 'loading' })
  const generation = useRef(0)

  const load = useCallback(
    async (quiet = false) => {
      const mine = ++generation.current
      if (!quiet) setState({ status: 'loading' })
      try {
        const page = await call('catalog', 'stockLedger', { skuId })
        if (mine !== generation.current) return
        setState({ status: 'ready', sku: page.sku, entries: page.entries, nextCursor: page.nextCursor, more: 'idle' })
      } catch (error) {
        if (mine !== generation.current) return
        setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
      }
    },
    [skuId],
  )

  useEffect(() => {
    void load()
  }, [load])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.nextCursor || state.more === 'loading') return
    const mine = generation.current
    setState({ ...state, more: 'loading' })
    try {
      const page = await call('catalog', 'stockLedger', { skuId, cursor: state.nextCursor })
      if (mine !== generation.current) return
      setState({ ...state, entries: [...state.entries, ...page.entries], nextCursor: page.nextCursor, more: 'idle' })
    } catch {
      if (mine === generation.current) setState({ ...state, more: 'error' })
    }
  }, [state, skuId])

  return { state, reload: load, loadMore }
}
