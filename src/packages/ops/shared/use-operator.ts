import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'

export type OperatorState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'operator' } | { status: 'denied' }

/** Is the caller an operator (`system.whoami` roles, as the server sees them)? */
export function useOperator() {
  const [state, setState] = useState<OperatorState>({ status: 'loading' })
  const generation = useRef(0)

  const check = useCallback(async () => {
    const mine = ++generation.current
    setState({ status: 'loading' })
    try {
      const caller = await call('system', 'whoami', {})
      if (mine === generation.current) setState({ status: caller.roles.includes('operator') ? 'operator' : 'denied' })
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void check()
  }, [check])

  return { state, check }
}
