import { useCallback, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { InboxMessageView } from '../../../core/contracts/notify'

const PAGE_SIZE = 20

type InboxState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; items: InboxMessageView[]; page: number; hasMore: boolean; loadingMore: boolean; moreError: string | null }

/** `notify.inbox`, newest first, page by page; a reload keeps what is shown until it answers. */
export function useInbox() {
  const [state, setState] = useState<InboxState>({ status: 'loading' })
  const generation = useRef(0)

  const reload = useCallback(async (quiet = false) => {
    const mine = ++generation.current
    if (!quiet) setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    try {
      const first = await call('notify', 'inbox', { page: 1, pageSize: PAGE_SIZE })
      if (mine === generation.current)
        setState({ status: 'ready', items: first.items, page: 1, hasMore: first.hasMore, loadingMore: false, moreError: null })
    } catch (error) {
      if (mine !== generation.current) return
      setState((s) => (s.status === 'ready' && quiet ? s : { status: 'error', message: errorMessage(error) }))
      if (quiet) throw error
    }
  }, [])

  const loadMore = useCallback(async () => {
    const current = state
    if (current.status !== 'ready' || !current.hasMore || current.loadingMore) return
    const mine = generation.current
    setState({ ...current, loadingMore: true, moreError: null })
    try {
      const next = await call('notify', 'inbox', { page: current.page + 1, pageSize: PAGE_SIZE })
      if (mine !== generation.current) return
      const seen = new Set(current.items.map((m) => m.id))
      setState({
        status: 'ready',
        items: [...current.items, ...next.items.filter((m) => !seen.has(m.id))],
        page: next.page,
        hasMore: next.hasMore,
        loadingMore: false,
        moreError: null
      })
    } catch (error) {
      if (mine === generation.current) setState({ ...current, loadingMore: false, moreError: errorMessage(error) })
    }
  }, [state])

  /** Marks messages read on screen at once (the server call is the caller's). */
  const markShownRead = useCallback((ids: string[] | 'all') => {
    setState((s) =>
      s.status === 'ready' ? { ...s, items: s.items.map((m) => (ids === 'all' || ids.includes(m.id) ? { ...m, read: true } : m)) } : s
    )
  }, [])

  return { state, reload, loadMore, markShownRead }
}
