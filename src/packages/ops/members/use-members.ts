import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { MemberListItem } from '../../../core/contracts/crm'
import type { MemberFilter } from '../../../core/crm/filter'
import type { MemberSort } from '../../../core/crm/profile'
import { isForbidden } from '../shared/errors'

export const MEMBERS_PAGE_SIZE = 20

export type MembersState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; items: MemberListItem[]; total: number; nextCursor: string | null; more: 'idle' | 'loading' | 'error' }

/**
 * `crm.members` for a filter and sort: the first page on every change, then
 * 加载更多 with the cursor the last page answered. An answer for an older
 * filter is dropped.
 */
export function useMembers(filter: MemberFilter, sort: MemberSort) {
  const [state, setState] = useState<MembersState>({ status: 'loading' })
  const generation = useRef(0)
  const paging = useRef(false)
  const query = useRef({ filter, sort })
  query.current = { filter, sort }

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    try {
      const page = await call('crm', 'members', { filter: query.current.filter, sort: query.current.sort, cursor: null, pageSize: MEMBERS_PAGE_SIZE })
      if (mine === generation.current) setState({ status: 'ready', items: page.items, total: page.total, nextCursor: page.nextCursor, more: 'idle' })
    } catch (error) {
      if (mine !== generation.current) return
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])

  const key = JSON.stringify([filter, sort])
  useEffect(() => {
    setState({ status: 'loading' })
    void reload()
  }, [key, reload])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.nextCursor || state.more === 'loading' || paging.current) return
    paging.current = true
    const mine = generation.current
    const before = state
    setState({ ...before, more: 'loading' })
    try {
      const page = await call('crm', 'members', { filter: query.current.filter, sort: query.current.sort, cursor: before.nextCursor, pageSize: MEMBERS_PAGE_SIZE })
      if (mine !== generation.current) return
      const seen = new Set(before.items.map((m) => m.openid))
      setState({ status: 'ready', items: [...before.items, ...page.items.filter((m) => !seen.has(m.openid))], total: page.total, nextCursor: page.nextCursor, more: 'idle' })
    } catch {
      if (mine === generation.current) setState({ ...before, more: 'error' })
    } finally {
      paging.current = false
    }
  }, [state])

  return { state, reload, loadMore }
}
