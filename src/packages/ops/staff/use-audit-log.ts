import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { AuditLogKind, StaffAuditEntryView } from '../../../core/contracts/staff'
import { isForbidden } from '../shared/errors'

export type AuditState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; items: StaffAuditEntryView[]; page: number; hasMore: boolean; more: 'idle' | 'loading' | 'error' }

export interface AuditFilter {
  kind: AuditLogKind
  storeId?: string
  staffOpenid?: string
  /** Epoch ms, inclusive / exclusive. */
  from?: number
  to?: number
}

/** The audit log (`staff.auditLog`), newest first, a page at a time, for the filter chosen. */
export function useAuditLog(filter: AuditFilter) {
  const [state, setState] = useState<AuditState>({ status: 'loading' })
  const generation = useRef(0)
  const { kind, storeId, staffOpenid, from, to } = filter

  const reload = useCallback(async () => {
    const mine = ++generation.current
    try {
      setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
      const answer = await call('staff', 'auditLog', { kind, storeId, staffOpenid, from, to, page: 1 })
      if (mine === generation.current) setState({ status: 'ready', items: answer.items, page: 1, hasMore: answer.hasMore, more: 'idle' })
    } catch (error) {
      if (mine !== generation.current) return
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [kind, storeId, staffOpenid, from, to])

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
      const answer = await call('staff', 'auditLog', { kind, storeId, staffOpenid, from, to, page: next })
      if (mine !== generation.current) return
      setState((s) => (s.status === 'ready' ? { status: 'ready', items: [...s.items, ...answer.items], page: next, hasMore: answer.hasMore, more: 'idle' } : s))
    } catch {
      if (mine === generation.current) setState((s) => (s.status === 'ready' ? { ...s, more: 'error' } : s))
    }
  }, [state, kind, storeId, staffOpenid, from, to])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload, retry, loadMore }
}
