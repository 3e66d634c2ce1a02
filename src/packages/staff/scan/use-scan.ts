import { useCallback, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { ScanResult } from '../../../core/contracts/staff'

export type ScanState =
  | { status: 'idle' }
  | { status: 'scanning'; code: string }
  | { status: 'error'; code: string; message: string }
  | { status: 'ready'; code: string; result: ScanResult }

/** `staff.scan`: recognises a member, pickup or coupon code for this store (it changes nothing). */
export function useScan(storeId: string | null) {
  const [state, setState] = useState<ScanState>({ status: 'idle' })
  const generation = useRef(0)

  const recognise = useCallback(
    async (raw: string) => {
      const code = raw.trim()
      if (!code || !storeId) return
      const mine = ++generation.current
      setState({ status: 'scanning', code })
      try {
        const result = await call('staff', 'scan', { code, storeId })
        if (mine === generation.current) setState({ status: 'ready', code, result })
      } catch (error) {
        if (mine === generation.current) setState({ status: 'error', code, message: errorMessage(error) })
      }
    },
    [storeId]
  )

  const clear = useCallback(() => {
    generation.current += 1
    setState({ status: 'idle' })
  }, [])

  return { state, recognise, clear }
}
