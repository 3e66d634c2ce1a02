import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import StateView from '../../../components/state-view'
import NoAccess from './no-access'

/** The states every ops form hook reports before its form can show. */
type PendingState = { status: 'loading' } | { status: 'denied' } | { status: 'error'; message: string }

/**
 * The route of an ops form page: the id of the record being edited ('' for a new one), and the navigation bar
 * title that says which.
 */
export function useOpsFormRoute(editTitle: string, newTitle: string): { id: string; editing: boolean } {
  const id = (useRouter().params.id ?? '').trim()
  const editing = id !== ''
  const title = editing ? editTitle : newTitle
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title }).catch(() => undefined)
  }, [title])
  return { id, editing }
}

/** True while an ops form cannot show yet: still loading, not an operator, or the load failed. */
export function isOpsFormPending<S extends { status: string }>(state: S): state is Extract<S, PendingState> {
  return state.status === 'loading' || state.status === 'denied' || state.status === 'error'
}

/** The loading / no-access / error screen shown in place of an ops form while it is pending. */
export function OpsFormPending({ state, onRetry }: { state: PendingState; onRetry: () => unknown }) {
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  return <StateView state='error' message={state.message} onRetry={() => void onRetry()} />
}

/** Shown when the record behind an ops form can no longer be edited (ended, started, deleted): why, and the way back. */
export function OpsFormGone({ message }: { message: string }) {
  return <StateView state='empty' message={message} actionText='返回' onAction={() => void Taro.navigateBack()} />
}
