import { useEffect } from 'react'
import { call } from '../../../api'
import type { GroupView } from '../../../core/contracts/groupbuy'
import { serverNow } from '../../../components/order-countdown/server-clock'
import { groupPhase, LIVE_PHASES } from '../shared/group-phase'
import { useLoaded } from '../shared/use-loaded'

const MISSING = ['GROUP_NOT_FOUND', 'INVALID_ARGUMENT']
/** How often a group still being decided is read again (others join and pay meanwhile). */
export const GROUP_POLL_MS = 5000

const readGroup = (groupId: string) => call('groupbuy', 'get', { groupId })

/** The group (`groupbuy.get`), read again every few seconds while its outcome is still open. */
export function useGroup(groupId: string) {
  const { state, reload } = useLoaded<GroupView>(groupId, readGroup, MISSING, '没有找到这个团，可能链接有误')
  const live = state.status === 'ready' && LIVE_PHASES.includes(groupPhase(state.data, serverNow()))

  useEffect(() => {
    if (!live) return undefined
    const timer = setInterval(() => void reload(), GROUP_POLL_MS)
    return () => clearInterval(timer)
  }, [live, reload])

  return { state, reload }
}
