import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../api'

export type AsyncState<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; data: T }

/**
 * Runs `load` on mount (unless `auto` is false: a page that reloads in
 * useDidShow) and on `reload()`; answers loading / error / ready.
 * A reload keeps the data shown until the new answer arrives (no flash of the
 * loading state); an answer to an older call is dropped.
 */
export function useAsync<T>(load: () => Promise<T>, auto = true): AsyncState<T> & { reload: () => Promise<void> } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' })
  const latest = useRef(load)
  latest.current = load
  const generation = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++generation.current
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    try {
      const data = await latest.current()
      if (mine === generation.current) setState({ status: 'ready', data })
    } catch (error) {
      if (mine === generation.current) setState({ status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    if (auto) void reload()
  }, [reload, auto])

  return { ...state, reload }
}
