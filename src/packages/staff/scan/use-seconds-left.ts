import { useEffect, useState } from 'react'
import { serverNow, syncServerClock } from '../../../components/order-countdown/server-clock'

/** Whole seconds until `expiresAt` on the server's clock, ticking once a second until it reaches 0. */
export function useSecondsLeft(expiresAt: number): number {
  const [now, setNow] = useState(serverNow)

  useEffect(() => {
    let live = true
    void syncServerClock().then(() => live && setNow(serverNow()))
    return () => {
      live = false
    }
  }, [])

  useEffect(() => {
    setNow(serverNow())
    const timer = setInterval(() => {
      const current = serverNow()
      setNow(current)
      if (current >= expiresAt) clearInterval(timer)
    }, 1000)
    return () => clearInterval(timer)
  }, [expiresAt])

  return secondsUntil(expiresAt, now)
}

export const secondsUntil = (expiresAt: number, now: number): number => Math.max(0, Math.ceil((expiresAt - now) / 1000))

/** 599 → "09:59". */
export function minutesSeconds(seconds: number): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`
}
