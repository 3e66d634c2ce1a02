import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, errorMessage, toastError } from '../../../api'
import { opsCampaignUrl } from '../../../components/ops-entry/links'
import type { SegmentView } from '../../../core/contracts/crm'
import { IntentKey } from '../../../utils/intent-key'
import { isForbidden } from '../shared/errors'
import { checkCampaignForm, emptyCampaignForm, firstError, type CampaignForm, type CampaignFormErrors } from './form'

export type CampaignFormState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'denied' } | { status: 'ready'; segments: SegmentView[] }

/**
 * 新建营销活动: segments and the CRM settings' default holdout are read first;
 * a submit carries one requestId per draft (IntentKey), so a double tap or a
 * retry after a network failure creates one campaign.
 */
export function useCampaignForm(segmentId: string) {
  const [state, setState] = useState<CampaignFormState>({ status: 'loading' })
  const [form, setForm] = useState<CampaignForm>(() => emptyCampaignForm(Date.now(), segmentId))
  const [errors, setErrors] = useState<CampaignFormErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)
  const intent = useRef(new IntentKey())
  // 立即开始 is stamped once per draft: a retry of the same draft sends the same startAt with the same requestId.
  const stamp = useRef<{ draft: string; now: number } | null>(null)

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      const [segments, settings] = await Promise.all([call('crm', 'segments', {}), call('crm', 'settings', {}).catch(() => null)])
      if (settings) setForm((f) => ({ ...f, offer: { ...f.offer, holdoutPct: String(settings.campaign.defaultHoldoutPct) } }))
      setState({ status: 'ready', segments })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  const change = useCallback((next: Partial<CampaignForm>) => {
    setForm((f) => ({ ...f, ...next }))
    setErrors({})
  }, [])

  const submit = useCallback(async () => {
    if (busy.current) return
    const draft = JSON.stringify(form)
    if (stamp.current?.draft !== draft) stamp.current = { draft, now: Date.now() }
    const { errors: found, input } = checkCampaignForm(form, stamp.current.now)
    setErrors(found)
    if (!input) {
      void Taro.showToast({ title: firstError(found) ?? '请检查填写的内容', icon: 'none' })
      return
    }
    const requestId = intent.current.for(input)
    busy.current = true
    setSubmitting(true)
    try {
      const { campaignId } = await call('crm', 'createCampaign', { ...input, requestId })
      intent.current.renew()
      stamp.current = null
      void Taro.showToast({ title: form.startMode === 'now' ? '活动已创建，即将开始发放' : '活动已创建', icon: 'none' })
      await Taro.redirectTo({ url: opsCampaignUrl(campaignId) })
    } catch (error) {
      // A refusal is a definite answer: the next attempt is a new intent. A network failure keeps the key for the retry.
      if (!(error instanceof ApiError && error.isNetwork)) {
        intent.current.renew()
        stamp.current = null
      }
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [form])

  return { state, form, errors, submitting, change, submit, reload: load }
}
