import { useRef, useState } from 'react'
import { toastError } from '../../../api'

/** 核销 once: a double tap sends one call; `done` tells whether this tap verified it or it was verified before. */
export function useVerify<R extends { verifiedNow: boolean }>(run: () => Promise<R>, onResult: (result: R) => void) {
  const [done, setDone] = useState<null | 'now' | 'before'>(null)
  const [pending, setPending] = useState(false)
  const busy = useRef(false)

  const verify = async () => {
    if (busy.current) return
    busy.current = true
    setPending(true)
    try {
      const result = await run()
      onResult(result)
      setDone(result.verifiedNow ? 'now' : 'before')
    } catch (error) {
      toastError(error)
    } finally {
      busy.current = false
      setPending(false)
    }
  }

  return { done, pending, verify }
}
