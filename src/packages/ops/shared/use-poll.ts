import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

/**
 * Calls `tick` every `intervalMs` while the page is shown (a live view),
 * never two at once. A hidden page (another page opened over it) stops.
 */
export function usePoll(tick: () => Promise<unknown>, intervalMs: number, enabled = true): void {
  const [shown, setShown] = useState(true)
  const latest = useRef(tick)
  latest.current = tick
  useDidShow(() => setShown(true))
  useDidHide(() => setShown(false))

  useEffect(() => {
    if (!enabled || !shown) return undefined
    let running = false
    const timer = setInterval(() => {
      if (running) return
      running = true
      void latest.current().finally(() => {
        running = false
      })
    }, intervalMs)
    return () => clearInterval(timer)
  }, [enabled, shown, intervalMs])
}
