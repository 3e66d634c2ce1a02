import type { ReactNode } from 'react'
import StateView from '../../../components/state-view'
import NoAccess from './no-access'
import { useOperator } from './use-operator'

/**
 * Renders the operator page only for operators; a customer gets 无权限 and
 * the page asks nothing more of the server (which refuses them anyway).
 */
export default function OperatorGate({ children }: { children: ReactNode }) {
  const { state, check } = useOperator()
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void check()} />
  if (state.status === 'denied') return <NoAccess />
  return <>{children}</>
}
