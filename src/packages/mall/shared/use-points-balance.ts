import { useCallback, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { ExpiringPoints } from '../../../core/contracts/member'

export type BalanceState =
  | { status: 'loading' }
  | { status: 'ready'; balance: number; expiringSoon: ExpiringPoints | null }
  /** Not a member yet: no points to spend; joining gives `giftPoints`. */
  | { status: 'guest'; giftPoints: number }
  | { status: 'error'; message: string }

/** The caller's points from their member card (`member.card`), reloaded by the page (on show, after a redemption). */
export function usePointsBalance() {
  const [state, setState] = useState<BalanceState>({ status: 'loading' })

  const reload = useCallback(async () => {
    try {
      const card = await call('member', 'card', {})
      setState(
        card.joined
          ? { status: 'ready', balance: card.points.balance, expiringSoon: card.points.expiringSoon }
          : { status: 'guest', giftPoints: card.joinGift.points }
      )
    } catch (error) {
      // A failed refresh keeps the balance shown.
      setState((s) => (s.status === 'ready' || s.status === 'guest' ? s : { status: 'error', message: errorMessage(error) }))
    }
  }, [])

  return { state, reload }
}
