import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import type { CheckInCalendarView, CheckInView } from '../../../core/contracts/points'
import { isNotMember } from '../not-member'

export type CalendarState =
  | { status: 'loading' }
  | { status: 'notMember' }
  | { status: 'error'; message: string }
  | { status: 'ready'; view: CheckInCalendarView; switching: boolean }

/**
 * The check-in calendar of a month (this month first) and 签到. A check-in in
 * flight blocks another tap; the day is checked only once on the server too.
 */
export function useCheckIn() {
  const [calendar, setCalendar] = useState<CalendarState>({ status: 'loading' })
  const [checking, setChecking] = useState(false)
  const [lastCheckIn, setLastCheckIn] = useState<CheckInView | null>(null)
  const busy = useRef(false)
  const generation = useRef(0)

  const load = useCallback(async (month?: string) => {
    const gen = ++generation.current
    setCalendar((s) => (s.status === 'ready' ? { ...s, switching: true } : { status: 'loading' }))
    try {
      const view = await call('points', 'checkInCalendar', month ? { month } : {})
      if (gen === generation.current) setCalendar({ status: 'ready', view, switching: false })
    } catch (error) {
      if (gen !== generation.current) return
      if (isNotMember(error)) setCalendar({ status: 'notMember' })
      else
        setCalendar((s) => {
          if (s.status !== 'ready') return { status: 'error', message: errorMessage(error) }
          toastError(error)
          return { ...s, switching: false }
        })
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const checkIn = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    setChecking(true)
    try {
      const done = await call('points', 'checkIn', {})
      setLastCheckIn(done)
      void Taro.showToast({ title: done.alreadyCheckedIn ? '今天已经签到过了' : `签到成功 +${done.reward} 积分`, icon: 'none', duration: 2000 })
      await load()
    } catch (error) {
      if (isNotMember(error)) setCalendar({ status: 'notMember' })
      else toastError(error)
    } finally {
      busy.current = false
      setChecking(false)
    }
  }, [load])

  return { calendar, checking, lastCheckIn, load, checkIn }
}
