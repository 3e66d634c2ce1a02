import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { PointsView } from '../../../core/contracts/community'
import type { LatLng } from '../../../core/pickup/distance'
import { locate } from '../../../utils/locate'

export type PointsState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; view: PointsView }

/**
 * The leaders' pickup points: first as the server orders them for this
 * customer (their last point first), then, once the customer allows their
 * location, nearest first. The choice is the server's preselection until the
 * customer picks one.
 */
export function usePickupPoints() {
  const [state, setState] = useState<PointsState>({ status: 'loading' })
  const [chosenId, setChosenId] = useState<string | null>(null)
  const chosenByCustomer = useRef(false)
  const here = useRef<LatLng | null>(null)

  const generation = useRef(0)

  // Only the latest call's answer counts: the first (no location yet) may come back after the located one.
  const load = useCallback(async () => {
    const mine = ++generation.current
    try {
      const view = await call('community', 'points', { location: here.current })
      if (mine !== generation.current) return
      setState({ status: 'ready', view })
      if (!chosenByCustomer.current) setChosenId(view.preselectedLeaderId)
    } catch (error) {
      if (mine !== generation.current) return
      setState((s) => (s.status === 'ready' ? s : { status: 'error', message: errorMessage(error) }))
    }
  }, [])

  useEffect(() => {
    void load()
    void locate().then((where) => {
      if (!where) return
      here.current = where
      void load()
    })
  }, [load])

  const choose = useCallback((leaderId: string) => {
    chosenByCustomer.current = true
    setChosenId(leaderId)
  }, [])

  const points = state.status === 'ready' ? state.view.points : []
  return { state, points, chosen: points.find((p) => p.leaderId === chosenId) ?? null, choose, reload: load, located: here.current !== null }
}
