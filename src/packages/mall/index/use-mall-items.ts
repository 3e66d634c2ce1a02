import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import type { MallItemView } from '../../../core/contracts/mall'
import type { MallItemKind } from '../../../core/mall/types'

export const MALL_PAGE_SIZE = 20

export interface MallItemsState {
  status: 'loading' | 'ready' | 'error'
  items: MallItemView[]
  error: string | null
  hasMore: boolean
  loadingMore: boolean
}

const INITIAL: MallItemsState = { status: 'loading', items: [], error: null, hasMore: false, loadingMore: false }

/** `mall.list` page by page for one kind (all when undefined); answers for an older kind are dropped. */
export function useMallItems(kind: MallItemKind | undefined) {
  const [state, setState] = useState<MallItemsState>(INITIAL)
  const generation = useRef(0)
  const nextPage = useRef(0)
  const stateRef = useRef(state)
  stateRef.current = state
  const fetchingMore = useRef(false)

  const reload = useCallback(
    async (quiet = false) => {
      const gen = ++generation.current
      if (!quiet) setState(INITIAL)
      try {
        const page = await call('mall', 'list', { ...(kind ? { kind } : {}), page: 0, pageSize: MALL_PAGE_SIZE })
        if (gen !== generation.current) return
        nextPage.current = 1
        setState({ status: 'ready', items: page.items, error: null, hasMore: page.hasMore, loadingMore: false })
      } catch (error) {
        if (gen !== generation.current) return
        if (quiet && stateRef.current.status === 'ready') toastError(error)
        else setState({ ...INITIAL, status: 'error', error: errorMessage(error) })
      }
    },
    [kind]
  )

  const loadMore = useCallback(async () => {
    const current = stateRef.current
    if (current.status !== 'ready' || !current.hasMore || fetchingMore.current) return
    fetchingMore.current = true
    const gen = generation.current
    setState({ ...current, loadingMore: true })
    try {
      const page = await call('mall', 'list', { ...(kind ? { kind } : {}), page: nextPage.current, pageSize: MALL_PAGE_SIZE })
      if (gen !== generation.current) return
      nextPage.current += 1
      setState((s) => {
        const seen = new Set(s.items.map((i) => i.itemId))
        return { ...s, items: [...s.items, ...page.items.filter((i) => !seen.has(i.itemId))], hasMore: page.hasMore, loadingMore: false }
      })
    } catch (error) {
      if (gen !== generation.current) return
      toastError(error)
      setState((s) => ({ ...s, loadingMore: false }))
    } finally {
      fetchingMore.current = false
    }
  }, [kind])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload, loadMore }
}
