import { useCallback } from 'react'
import { call } from '../../../api'
import { withServerNow } from '../../../components/flash-countdown'
import type { ActivityDetailView, ActivityStatsView } from '../../../core/contracts/groupbuy'
import { useLive } from '../shared/use-live'

export interface ActivityLive {
  detail: ActivityDetailView
  stats: ActivityStatsView
}

export const ACTIVITY_REFRESH_MS = 5000

/** One activity, its open groups and its numbers (`groupbuy.getActivity` + `stats`), read again while shown. */
export function useActivityLive(activityId: string) {
  const load = useCallback(async (): Promise<ActivityLive> => {
    const [detail, stats] = await Promise.all([
      withServerNow(() => call('groupbuy', 'getActivity', { activityId })),
      call('groupbuy', 'stats', { activityId })
    ])
    return { detail, stats }
  }, [activityId])
  return useLive(load, ACTIVITY_REFRESH_MS)
}
