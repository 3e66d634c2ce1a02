import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, errorMessage } from '../../../api'

export type Loaded<T> =
  | { status: 'loading' }
  /** Gone (or never was): retrying will not help. */
  | { status: 'missing'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; data: T }

/**
 * One read of a page (`getActivity`, `get`): loading, missing (one of
 * `missingCodes`, or no id), error, ready. A reload keeps what is shown until
 * the new answer (a failed quiet reload too); answers to older reads are dropped.
 */
export function useLoaded<T>(id: string, read: (id: string) => Promise<T>, missingCodes: string[], missingMessage: string) {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  const generation = useRef(0)
  const readRef = useRef(read)
  readRef.current = read
  const codes = missingCodes.join(',')

  const reload = useCallback(async () => {
    const mine = ++generation.current
    if (!id) {
      setState({ status: 'missing', message: missingMessage })
      return
    }
    setState((s) => (s.status === 'ready' ? s : { status: 'loading' }))
    try {
      const data = await readRef.current(id)
      if (mine === generation.current) setState({ status: 'ready', data })
    } catch (error) {
      if (mine !== generation.current) return
      const missing = error instanceof ApiError && codes.split(',').includes(error.code)
      setState((s) =>
        s.status === 'ready' && !missing ? s : missing ? { status: 'missing', message: missingMessage } : { status: 'error', message: errorMessage(error) }
      )
    }
  }, [id, codes, missingMessage])

  useEffect(() => {
    void reload()
  }, [reload])

  return { state, reload }
}
