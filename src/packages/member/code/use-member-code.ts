import { useDidHide, useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { MemberCodeView } from '../../../core/contracts/member'
import { serverNow, syncServerClock } from '../../../components/order-countdown/server-clock'
import { isNotMember } from '../not-member'

export type MemberCodeState =
  | { status: 'loading' }
  | { status: 'notMember' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: MemberCodeView; refreshing: boolean; refreshError: string | null }

/** After a failed refresh, try again on its own this soon. */
const RETRY_MS = 5000
/** Never ask again sooner than this, even for a code that looks expired on arrival (a skewed clock). */
const MIN_WAIT_MS = 1000

/** Whole seconds until `expiresAt` on the server's clock: never below 0, never above the period (a few ms of clock skew must not show 31 of 30). */
export const secondsLeft = (expiresAt: number, now: number, periodMs = Infinity): number =>
  Math.max(0, Math.min(Math.ceil((expiresAt - now) / 1000), Math.round(periodMs / 1000)))

/**
 * The rotating member code: `member.code`, asked again when the shown code's
 * period ends (and on 刷新), measured on the server's clock. A refresh in
 * flight is shared, so taps and the timer never ask twice at once. Nothing
 * runs while the page is hidden.
 */
export function useMemberCode() {
  const [state, setState] = useState<MemberCodeState>({ status: 'loading' })
  const [now, setNow] = useState(serverNow)
  const [visible, setVisible] = useState(true)
  const inFlight = useRef<Promise<void> | null>(null)
  const alive = useRef(true)

  const refresh = useCallback((): Promise<void> => {
    if (inFlight.current) return inFlight.current
    setState((s) => (s.status === 'ready' ? { ...s, refreshing: true, refreshError: null } : { status: 'loading' }))
    const run = (async () => {
      try {
        await syncServerClock()
        const view = await call('member', 'code', {})
        if (!alive.current) return
        setNow(serverNow())
        setState({ status: 'ready', view, refreshing: false, refreshError: null })
      } catch (error) {
        if (!alive.current) return
        if (isNotMember(error)) setState({ status: 'notMember' })
        else setState((s) => (s.status === 'ready' ? { ...s, refreshing: false, refreshError: errorMessage(error) } : { status: 'error', message: errorMessage(error) }))
      } finally {
        inFlight.current = null
      }
    })()
    inFlight.current = run
    return run
  }, [])

  useEffect(() => {
    alive.current = true
    void refresh()
    return () => {
      alive.current = false
    }
  }, [refresh])

  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  // The countdown ticks once a second.
  useEffect(() => {
    if (!visible) return
    setNow(serverNow())
    const timer = setInterval(() => setNow(serverNow()), 1000)
    return () => clearInterval(timer)
  }, [visible])

  // A new code when the shown one's period ends; again a little later when that failed.
  const expiresAt = state.status === 'ready' ? state.view.expiresAt : null
  const failed = state.status === 'ready' && state.refreshError !== null
  useEffect(() => {
    if (!visible || expiresAt === null) return
    const wait = failed ? RETRY_MS : Math.max(MIN_WAIT_MS, expiresAt - serverNow())
    const timer = setTimeout(() => void refresh(), wait)
    return () => clearTimeout(timer)
  }, [visible, expiresAt, failed, refresh])

  // Back on the page after its code ran out: a fresh one at once.
  useEffect(() => {
    if (visible && expiresAt !== null && expiresAt <= serverNow()) void refresh()
  }, [visible]) // eslint-disable-line react-hooks/exhaustive-deps

  return { state, now, refresh }
}
