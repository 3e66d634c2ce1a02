import { useEffect, useState } from 'react'
import { serverOffset, syncServerClock } from '../order-countdown/server-clock'

/**
 * The server's clock for flash-sale countdowns. The offset comes from the one
 * `system.ping` of the app run (shared with the order countdown). Every
 * `flashsale.list` / `get` answer also carries `serverNow`: when the ping
 * failed or is far off (the phone's clock changed since), that answer wins.
 */
const TRUST_PING_WITHIN_MS = 1500

let answerOffset: number | null = null
const listeners = new Set<() => void>()

/** The offset an answer implies: its `serverNow` against the middle of the round trip. */
export function offsetOfAnswer(serverNow: number, sentAt: number, receivedAt: number): number {
  return serverNow - Math.round((sentAt + receivedAt) / 2)
}

/** The ping's offset unless an answer contradicts it by more than the trust window. */
export function pickOffset(ping: number, answer: number | null): number {
  if (answer === null) return ping
  return Math.abs(answer - ping) > TRUST_PING_WITHIN_MS ? answer : ping
}

/** Server clock − local clock, ms, as known now. */
export const saleOffset = (): number => pickOffset(serverOffset(), answerOffset)

/** The server's time now (epoch ms). */
export const saleNow = (): number => Date.now() + saleOffset()

/** Records the `serverNow` of an answer that was asked at `sentAt` and arrived at `receivedAt`. */
export function noteServerNow(serverNow: number, sentAt: number, receivedAt: number): void {
  answerOffset = offsetOfAnswer(serverNow, sentAt, receivedAt)
  for (const listener of [...listeners]) listener()
}

/** Calls `ask`, then records the answer's `serverNow`. */
export async function withServerNow<T extends { serverNow: number }>(ask: () => Promise<T>): Promise<T> {
  const sentAt = Date.now()
  const answer = await ask()
  noteServerNow(answer.serverNow, sentAt, Date.now())
  return answer
}

/** The offset for a page's countdowns: syncs once (ping) and follows later answers. */
export function useSaleOffset(): number {
  const [offset, setOffset] = useState(saleOffset)
  useEffect(() => {
    let live = true
    const update = () => live && setOffset(saleOffset())
    listeners.add(update)
    void syncServerClock().then(update)
    return () => {
      live = false
      listeners.delete(update)
    }
  }, [])
  return offset
}

/** Tests start from a clean clock. */
export function resetSaleClock(): void {
  answerOffset = null
}
