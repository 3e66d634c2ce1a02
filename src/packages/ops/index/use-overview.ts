import { useCallback, useEffect, useRef } from 'react'
import { call } from '../../../api'
import type { StatsRange } from '../../../core/stats/range'
import { useLive } from '../shared/use-live'

/** The dashboard refreshes while shown: payments keep coming. */
export const OVERVIEW_REFRESH_MS = 30_000

/** `stats.overview` of the chosen range (and its previous period); a new range loads at once. */
export function useOverview(range: StatsRange) {
  const load = useCallback(async () => call('stats', 'overview', { range }), [range])
  const live = useLive(load, OVERVIEW_REFRESH_MS)
  const mounted = useRef(false)
  const { reload } = live
  useEffect(() => {
    // useLive reads on mount; afterwards a range switch reads the new range.
    if (mounted.current) void reload()
    mounted.current = true
  }, [range, reload])
  return live
}
