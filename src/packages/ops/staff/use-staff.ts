import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { ListStaffResult } from '../../../core/contracts/staff-admin'
import { isForbidden } from '../shared/errors'

export type StaffState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'denied' } | { status: 'ready'; data: ListStaffResult }

/** Every store with its staff by name, and the operators (`staff.listStaff`). */
export function useStaff() {
  const [state, setState] = useState<StaffState>({ status: 'loading' })
  const generation = useRef(0)
  const reload = useCallback(async () => {
    const mine = ++generation.current
    try {
      const data = await call('staff', 'listStaff', {})
      if (mine === generation.current) setState({ status: 'ready', data })
    } catch (error) {
      if (mine === generation.current) setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])
  const retry = useCallback(async () => {
    setState({ status: 'loading' })
    await reload()
  }, [reload])
  useEffect(() => {
    void reload()
  }, [reload])
  return { state, reload, retry }
}
