import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../../../api'
import { isForbidden } from './errors'
import { usePoll } from './use-poll'

export type LiveState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  /** The server refused the caller's role. */
  | { status: 'denied' }
  /** `stale`: the last refresh failed; the data shown is from before. */
  | { status: 'ready'; data: T; stale: boolean }

/**
 * Data of a live view: read on mount, again every `intervalMs` while the page
 * is shown (null: no polling), and on `reload()`. A failed refresh keeps the
 * data and marks it stale; an answer to an older call is dropped.
 */
export function useLive<T>(load: () => Promise<T>, intervalMs: number | null) {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' })
  const latest = useRef(load)
  latest.current = load
  const generation = useRef(0)

  const reload = useCallback(async (): Promise<void> => {
    const mine = ++generation.current
    try {
      const data = await latest.current()
      if (mine === generation.current) setState({ status: 'ready', data, stale: false })
    } catch (error) {
      if (mine !== generation.current) return
      if (isForbidden(error)) setState({ status: 'denied' })
      else setState((s) => (s.status === 'ready' ? { ...s, stale: true } : { status: 'error', message: errorMessage(error) }))
    }
  }, [])

  const retry = useCallback(async () => {
    setState({ status: 'loading' })
    await reload()
  }, [reload])

  /** An action answered the data as it is now. */
  const replace = useCallback((data: T) => {
    generation.current += 1
    setState({ status: 'ready', data, stale: false })
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  usePoll(reload, intervalMs ?? 0, intervalMs !== null && state.status === 'ready')

  return { state, reload, retry, replace }
}
