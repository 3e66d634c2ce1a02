import Taro from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, call } from '../../../api'
import type { ClaimableTemplateView } from '../../../core/contracts/coupon'
import { newRequestId } from '../../../utils/request-id'
import { showRefusal } from '../shared/member-gate'

/**
 * 领取: `coupon.claim` once per tap intent. A template's requestId is made at
 * its first tap and kept while the answer is unknown (a network failure), so
 * a double tap or a retry claims once; after an answer the next tap is a new
 * intent. `onSettled` refreshes the list (counts, 已领完) either way.
 */
export function useClaim(onSettled: () => void) {
  const [pending, setPending] = useState<string | null>(null)
  const busy = useRef(false)
  const intents = useRef(new Map<string, string>())

  const claim = useCallback(
    async (template: ClaimableTemplateView) => {
      if (busy.current || !template.canClaim) return
      busy.current = true
      setPending(template.templateId)
      const requestId = intents.current.get(template.templateId) ?? newRequestId()
      intents.current.set(template.templateId, requestId)
      try {
        await call('coupon', 'claim', { templateId: template.templateId, requestId })
        intents.current.delete(template.templateId)
        void Taro.showToast({ title: '领取成功', icon: 'success' })
      } catch (error) {
        if (!(error instanceof ApiError && error.isNetwork)) intents.current.delete(template.templateId)
        await showRefusal(error)
      } finally {
        busy.current = false
        setPending(null)
        onSettled()
      }
    },
    [onSettled]
  )

  return { claim, pending }
}
