import { useCallback, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { ProductSummary } from '../../../core/contracts/catalog'

const PAGE_SIZE = 20

export type ResultsState =
  | { status: 'idle' }
  | { status: 'loading'; q: string }
  | { status: 'error'; q: string; message: string }
  | { status: 'ready'; q: string; items: ProductSummary[]; popular: ProductSummary[]; page: number; hasMore: boolean; loadingMore: boolean }

/** `catalog.searchProducts` for a submitted query, page by page; a newer query wins over a late answer. */
export function useResults() {
  const [state, setState] = useState<ResultsState>({ status: 'idle' })
  const latest = useRef('')

  const search = useCallback(async (q: string) => {
    latest.current = q
    setState({ status: 'loading', q })
    try {
      const page = await call('catalog', 'searchProducts', { q, page: 0, pageSize: PAGE_SIZE })
      if (latest.current !== q) return
      setState({ status: 'ready', q, items: page.items, popular: page.popular, page: 0, hasMore: page.hasMore, loadingMore: false })
    } catch (error) {
      if (latest.current === q) setState({ status: 'error', q, message: errorMessage(error) })
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.hasMore || state.loadingMore) return
    const { q } = state
    setState({ ...state, loadingMore: true })
    try {
      const page = await call('catalog', 'searchProducts', { q, page: state.page + 1, pageSize: PAGE_SIZE })
      if (latest.current !== q) return
      setState((s) => (s.status === 'ready' ? { ...s, items: [...s.items, ...page.items], page: page.page, hasMore: page.hasMore, loadingMore: false } : s))
    } catch {
      setState((s) => (s.status === 'ready' ? { ...s, loadingMore: false } : s))
    }
  }, [state])

  const reset = useCallback(() => {
    latest.current = ''
    setState({ status: 'idle' })
  }, [])

  return { state, search, loadMore, reset }
}
