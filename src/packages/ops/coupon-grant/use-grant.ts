import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import type { GrantResult, OpsTemplateView } from '../../../core/contracts/coupon'
import type { MemberPickView } from '../../../core/contracts/member'
import { newRequestId } from '../../../utils/request-id'
import { isForbidden } from '../shared/errors'

export type GrantPageState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; template: OpsTemplateView }

export type SearchState = { status: 'idle' } | { status: 'loading' } | { status: 'error'; message: string } | { status: 'done'; items: MemberPickView[]; hasMore: boolean }

const SEARCH_PAGE = 10

/**
 * 发券: the template, a member picker (member.searchMembers), the chosen
 * members, and one grant. The requestId is made for a chosen set and kept
 * until the set changes, so a retry after a lost answer grants nobody twice.
 */
export function useGrant(templateId: string) {
  const [state, setState] = useState<GrantPageState>({ status: 'loading' })
  const [search, setSearch] = useState<SearchState>({ status: 'idle' })
  const [chosen, setChosen] = useState<MemberPickView[]>([])
  const [result, setResult] = useState<GrantResult | null>(null)
  const [granting, setGranting] = useState(false)
  const requestId = useRef<string | null>(null)
  const busy = useRef(false)

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      setState({ status: 'ready', template: await call('coupon', 'getTemplate', { templateId }) })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [templateId])

  useEffect(() => {
    void load()
  }, [load])

  const find = useCallback(async (text: string) => {
    const query = text.trim()
    if (!query) {
      setSearch({ status: 'idle' })
      return
    }
    setSearch({ status: 'loading' })
    try {
      const page = await call('member', 'searchMembers', { query, page: 0, pageSize: SEARCH_PAGE })
      setSearch({ status: 'done', items: page.items, hasMore: page.hasMore })
    } catch (error) {
      setSearch({ status: 'error', message: errorMessage(error) })
    }
  }, [])

  const toggle = useCallback((member: MemberPickView) => {
    requestId.current = null
    setResult(null)
    setChosen((list) => (list.some((m) => m.openid === member.openid) ? list.filter((m) => m.openid !== member.openid) : [...list, member]))
  }, [])

  const grant = useCallback(async () => {
    if (busy.current || state.status !== 'ready' || chosen.length === 0) return
    const answer = await Taro.showModal({
      title: '确认发券',
      content: `将向 ${chosen.length} 位会员发放「${state.template.title}」，每人 1 张。`,
      confirmText: '发放'
    })
    if (!answer.confirm) return
    busy.current = true
    setGranting(true)
    requestId.current ??= newRequestId()
    try {
      const done = await call('coupon', 'grant', { templateId, openids: chosen.map((m) => m.openid), requestId: requestId.current })
      setResult(done)
      void Taro.showToast({ title: `已发放 ${done.granted} 人`, icon: 'success' })
    } catch (error) {
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
    } finally {
      busy.current = false
      setGranting(false)
    }
  }, [state, chosen, templateId])

  const startOver = useCallback(() => {
    requestId.current = null
    setResult(null)
    setChosen([])
  }, [])

  return { state, search, chosen, result, granting, reload: load, find, toggle, grant, startOver }
}
