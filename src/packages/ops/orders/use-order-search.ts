import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { OpsOrderRow, OrderSearchFilters } from '../../../core/contracts/order-ops'
import { isForbidden } from '../shared/errors'

const PAGE_SIZE = 20

export type OrderListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; items: OpsOrderRow[]; cursor: string | null; more: 'idle' | 'loading' | 'error' }

/**
 * The operator's order list for a set of filters, newest first, a page at a
 * time behind the server's cursor (infinite scroll). A newer search wins
 * over an older one still on its way.
 */
export function useOrderSearch(initial: OrderSearchFilters = {}) {
  const [filters, setFilters] = useState<OrderSearchFilters>(initial)
  const [state, setState] = useState<OrderListState>({ status: 'loading' })
  const generation = useRef(0)

  const load = useCallback(async (next: OrderSearchFilters = filters) => {
    const mine = ++generation.current
    setState({ status: 'loading' })
    try {
      const page = await call('order', 'search', { ...next, pageSize: PAGE_SIZE })
      if (mine !== generation.current) return
      setState({ status: 'ready', items: page.items, cursor: page.nextCursor, more: 'idle' })
    } catch (error) {
      if (mine !== generation.current) return
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [filters])

  useEffect(() => {
    void load()
    // The first load only: filter changes load through `apply`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const apply = useCallback((next: OrderSearchFilters) => {
    setFilters(next)
    void load(next)
  }, [load])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.cursor || state.more === 'loading') return
    const mine = generation.current
    const before = state
    setState({ ...before, more: 'loading' })
    try {
      const page = await call('order', 'search', { ...filters, pageSize: PAGE_SIZE, cursor: before.cursor ?? undefined })
      if (mine !== generation.current) return
      setState({ status: 'ready', items: [...before.items, ...page.items], cursor: page.nextCursor, more: 'idle' })
    } catch {
      if (mine === generation.current) setState({ ...before, more: 'error' })
    }
  }, [state, filters])

  return { filters, state, apply, loadMore, reload: load }
}
