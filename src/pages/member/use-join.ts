import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call, toastError } from '../../api'
import type { JoinView } from '../../core/contracts/member'
import { joinInput, joinProblems, type JoinDraft, type JoinProblems } from './join-form'

/** A short line for the toast after joining: what the join gift gave. */
export function joinedMessage(view: JoinView): string {
  const gift = view.gift
  if (!view.created || !gift) return '你已是会员'
  const parts = [gift.points > 0 ? `${gift.points} 积分` : '', gift.couponIssued ? '优惠券' : ''].filter(Boolean)
  return parts.length > 0 ? `开卡成功，获得${parts.join('和')}` : '开卡成功'
}

/**
 * 开卡: checks the form, then `member.join` once (a second tap while it is on
 * its way does nothing; joining again is harmless on the server too).
 */
export function useJoin(today: string, onJoined: (view: JoinView) => void) {
  const busy = useRef(false)
  const [submitting, setSubmitting] = useState(false)
  const [problems, setProblems] = useState<JoinProblems>({})

  const submit = useCallback(
    async (draft: JoinDraft) => {
      if (busy.current) return
      const found = joinProblems(draft, today)
      setProblems(found)
      if (Object.keys(found).length > 0) return
      busy.current = true
      setSubmitting(true)
      try {
        const view = await call('member', 'join', joinInput(draft))
        void Taro.showToast({ title: joinedMessage(view), icon: 'none', duration: 2500 })
        onJoined(view)
      } catch (error) {
        toastError(error)
      } finally {
        busy.current = false
        setSubmitting(false)
      }
    },
    [today, onJoined]
  )

  /** Editing a field takes its complaint away until the next 开卡. */
  const clearProblem = useCallback((key: keyof JoinDraft) => setProblems((p) => (p[key] ? { ...p, [key]: undefined } : p)), [])

  return { submit, submitting, problems, clearProblem }
}
