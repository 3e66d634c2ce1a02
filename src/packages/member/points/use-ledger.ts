import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { PointsEntryView } from '../../../core/contracts/points'
import type { PointsFilter } from '../../../components/points-shortcuts/links'
import { isNotMember } from '../not-member'

export const LEDGER_PAGE_SIZE = 20

export interface LedgerState {
  status: 'loading' | 'ready' | 'error' | 'notMember'
  items: PointsEntryView[]
  error: string | null
  /** The cursor of the next page; null when everything is shown. */
  next: string | null
  loadingMore: boolean
  /** A failed next page (the entries so far stay). */
  moreError: string | null
}

const INITIAL: LedgerState = { status: 'loading', items: [], error: null, next: null, loadingMore: false, moreError: null }

const fetchPage = (filter: PointsFilter, cursor: string | null) =>
  call('points', 'ledger', { ...(filter === 'all' ? {} : { kind: filter }), ...(cursor ? { cursor } : {}), pageSize: LEDGER_PAGE_SIZE })

/** Appends a page, dropping entries already shown. */
export function appendEntries(shown: PointsEntryView[], page: PointsEntryView[]): PointsEntryView[] {
  const seen = new Set(shown.map((entry) => entry.id))
  return [...shown, ...page.filter((entry) => !seen.has(entry.id))]
}

/** The points ledger for one filter, newest first, page by page; a filter switch starts over and drops older answers. */
export function useLedger(filter: PointsFilter) {
  const [state, setState] = useState<LedgerState>(INITIAL)
  const stateRef = useRef(state)
  stateRef.current = state
  const generation = useRef(0)
  const fetching = useRef(false)

  const reload = useCallback(
    async (quiet = false) => {
      const gen = ++generation.current
      fetching.current = false
      if (!quiet) setState(INITIAL)
      try {
        const page = await fetchPage(filter, null)
        if (gen === generation.current) setState({ ...INITIAL, status: 'ready', items: page.items, next: page.nextCursor })
      } catch (error) {
        if (gen !== generation.current) return
        if (isNotMember(error)) setState({ ...INITIAL, status: 'notMember' })
        else if (quiet && stateRef.current.status === 'ready') setState((s) => ({ ...s, moreError: errorMessage(error) }))
        else setState({ ...INITIAL, status: 'error', error: errorMessage(error) })
      }
    },
    [filter]
  )

  const loadMore = useCallback(async () => {
    const current = stateRef.current
    if (current.status !== 'ready' || fetching.current || !current.next) return
    fetching.current = true
    const gen = generation.current
    setState({ ...current, loadingMore: true, moreError: null })
    try {
      const page = await fetchPage(filter, current.next)
      if (gen === generation.current) setState((s) => ({ ...s, items: appendEntries(s.items, page.items), next: page.nextCursor, loadingMore: false }))
    } catch (error) {
      if (gen === generation.current) setState((s) => ({ ...s, loadingMore: false, moreError: errorMessage(error) }))
    } finally {
      if (gen === generation.current) fetching.current = false
    }
  }, [filter])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload, loadMore }
}
