import { useCallback, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { UserPickView } from '../../../core/contracts/staff-admin'

export type SearchState = { status: 'idle' } | { status: 'searching' } | { status: 'error'; message: string } | { status: 'ready'; users: UserPickView[] }

/** The user picker's search (`staff.searchUsers`): by nickname or phone prefix; an older answer is dropped. */
export function useUserSearch() {
  const [query, setQuery] = useState('')
  const [state, setState] = useState<SearchState>({ status: 'idle' })
  const generation = useRef(0)
  const search = useCallback(async () => {
    const text = query.trim()
    const mine = ++generation.current
    if (!text) {
      setState({ status: 'idle' })
      return
    }
    setState({ status: 'searching' })
    try {
      const { users } = await call('staff', 'searchUsers', { query: text })
      if (mine === generation.current) setState({ status: 'ready', users })
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', message: errorMessage(error) })
    }
  }, [query])
  return { query, setQuery, state, search }
}
