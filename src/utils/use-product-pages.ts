import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../api'
import type { ProductSummary } from '../core/contracts/catalog'

export interface ProductPages {
  /** 'loading' until the first page answers; 'error' when it failed. */
  status: 'loading' | 'ready' | 'error'
  error: string | null
  items: ProductSummary[]
  hasMore: boolean
  loadingMore: boolean
  /** A failed next page (the items so far stay). */
  moreError: string | null
  reload: () => Promise<void>
  loadMore: () => Promise<void>
}

/**
 * `catalog.listProducts` page by page for one category (all when undefined).
 * Answers that arrive after the category changed are dropped.
 */
export function useProductPages(categoryId: string | undefined, pageSize = 10, enabled = true): ProductPages {
  const [state, setState] = useState<Omit<ProductPages, 'reload' | 'loadMore'>>({
    status: 'loading',
    error: null,
    items: [],
    hasMore: false,
    loadingMore: false,
    moreError: null
  })
  const generation = useRef(0)
  const nextPage = useRef(0)
  const fetchingMore = useRef(false)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    fetchingMore.current = false
    setState((s) => ({ ...s, status: s.items.length > 0 && s.status === 'ready' ? 'ready' : 'loading', error: null, moreError: null }))
    try {
      const page = await call('catalog', 'listProducts', { categoryId, page: 0, pageSize })
      if (mine !== generation.current) return
      nextPage.current = 1
      setState({ status: 'ready', error: null, items: page.items, hasMore: page.hasMore, loadingMore: false, moreError: null })
    } catch (error) {
      if (mine !== generation.current) return
      setState((s) => ({ ...s, status: 'error', error: errorMessage(error), loadingMore: false }))
    }
  }, [categoryId, pageSize])

  const loadMore = useCallback(async () => {
    if (fetchingMore.current) return
    const mine = generation.current
    fetchingMore.current = true
    setState((s) => ({ ...s, loadingMore: true, moreError: null }))
    try {
      const page = await call('catalog', 'listProducts', { categoryId, page: nextPage.current, pageSize })
      if (mine !== generation.current) return
      nextPage.current += 1
      setState((s) => ({
        ...s,
        items: [...s.items, ...page.items.filter((p) => !s.items.some((q) => q._id === p._id))],
        hasMore: page.hasMore,
        loadingMore: false
      }))
    } catch (error) {
      if (mine !== generation.current) return
      setState((s) => ({ ...s, loadingMore: false, moreError: errorMessage(error) }))
    } finally {
      if (mine === generation.current) fetchingMore.current = false
    }
  }, [categoryId, pageSize])

  useEffect(() => {
    if (!enabled) return
    setState({ status: 'loading', error: null, items: [], hasMore: false, loadingMore: false, moreError: null })
    void reload()
  }, [reload, enabled])

  const guardedLoadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.hasMore) return
    await loadMore()
  }, [state.status, state.hasMore, loadMore])

  return { ...state, reload, loadMore: guardedLoadMore }
}
