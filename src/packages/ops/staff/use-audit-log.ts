import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { StaffAuditEntryView } from '../../../core/contracts/staff'
import { isForbidden } from '../shared/errors'

export type AuditState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; items: StaffAuditEntryView[]; page: number; hasMore: boolean; more: 'idle' | 'loading' | 'error' }

/** The staff audit log (`staff.auditLog`), newest first, a page at a time. */
export function useAuditLog(storeId?: string) {
  const [state, setState] = useState<AuditState>({ status: 'loading' })
  const generation = useRef(0)
  const store = storeId?.trim() || undefined

  const reload = useCallback(async () => {
    const mine = ++generation.current
    try {
      const answer = await call('staff', 'auditLog', { storeId: store, page: 1 })
      if (mine === generation.current) setState({ status: 'ready', items: answer.items, page: 1, hasMore: answer.hasMore, more: 'idle' })
    } catch (error) {
      if (mine !== generation.current) return
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [store])

  const retry = useCallback(async () => {
    setState({ status: 'loading' })
    await reload()
  }, [reload])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.hasMore || state.more === 'loading') return
    const mine = generation.current
    const next = state.page + 1
    setState({ ...state, more: 'loading' })
    try {
      const answer = await call('staff', 'auditLog', { storeId: store, page: next })
      if (mine !== generation.current) return
      setState((s) => (s.status === 'ready' ? { status: 'ready', items: [...s.items, ...answer.items], page: next, hasMore: answer.hasMore, more: 'idle' } : s))
    } catch {
      if (mine === generation.current) setState((s) => (s.status === 'ready' ? { ...s, more: 'error' } : s))
    }
  }, [state, store])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload, retry, loadMore }
}
