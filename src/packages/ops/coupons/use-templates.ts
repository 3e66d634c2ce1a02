import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import type { OpsTemplateView } from '../../../core/contracts/coupon'
import { isForbidden } from '../shared/errors'

const PAGE_SIZE = 20

export type TemplatesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; items: OpsTemplateView[]; page: number; hasMore: boolean; more: 'idle' | 'loading' | 'error' }

/** The operator's coupon templates, newest first, paged; 停用 / 启用 one at a time. */
export function useTemplates() {
  const [state, setState] = useState<TemplatesState>({ status: 'loading' })
  const [switching, setSwitching] = useState<string | null>(null)
  const busy = useRef(false)

  const reload = useCallback(async () => {
    try {
      const page = await call('coupon', 'listTemplates', { page: 0, pageSize: PAGE_SIZE })
      setState({ status: 'ready', items: page.items, page: 0, hasMore: page.hasMore, more: 'idle' })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.hasMore || state.more === 'loading') return
    setState({ ...state, more: 'loading' })
    try {
      const next = await call('coupon', 'listTemplates', { page: state.page + 1, pageSize: PAGE_SIZE })
      setState({ status: 'ready', items: [...state.items, ...next.items], page: state.page + 1, hasMore: next.hasMore, more: 'idle' })
    } catch {
      setState({ ...state, more: 'error' })
    }
  }, [state])

  const toggleStatus = useCallback(async (template: OpsTemplateView) => {
    if (busy.current) return
    const stopping = template.status === 'ACTIVE'
    if (stopping) {
      const answer = await Taro.showModal({
        title: '停用优惠券',
        content: `停用后「${template.title}」不能再领取或发放，已发出的券仍可使用。`,
        confirmText: '停用'
      })
      if (!answer.confirm) return
    }
    busy.current = true
    setSwitching(template.templateId)
    try {
      const updated = await call('coupon', 'setTemplateStatus', { templateId: template.templateId, status: stopping ? 'INACTIVE' : 'ACTIVE' })
      setState((s) => (s.status === 'ready' ? { ...s, items: s.items.map((t) => (t.templateId === updated.templateId ? updated : t)) } : s))
      void Taro.showToast({ title: stopping ? '已停用' : '已启用', icon: 'success' })
    } catch (error) {
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
    } finally {
      busy.current = false
      setSwitching(null)
    }
  }, [])

  return { state, switching, reload, loadMore, toggleStatus }
}
