import Taro from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import { OPS_SEGMENTS_URL } from '../../../components/ops-entry/links'
import { MemberFilterSchema } from '../../../core/contracts/crm'
import type { MemberFilter } from '../../../core/crm/filter'
import { isForbidden } from '../shared/errors'
import { draftOfFilter, emptyFilterDraft, filterOfDraft, type FilterDraft } from '../shared/crm/filter-form'

export type SegmentFormState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'denied' } | { status: 'ready' }

const safeDecode = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** A filter carried in the URL (保存为分群 from the member list); ignored when it is not a valid filter. */
export function filterOfParam(param: string | undefined): MemberFilter | null {
  if (!param) return null
  // H5 hands the query over decoded, weapp may not: try it as it is, then decoded.
  for (const text of [param, safeDecode(param)]) {
    try {
      const parsed = MemberFilterSchema.safeParse(JSON.parse(text))
      if (parsed.success) return parsed.data
    } catch {
      // not JSON in this form
    }
  }
  return null
}

/** Create or edit a segment: name, filter (the shared editor's draft), one save at a time. */
export function useSegmentForm(segmentId: string, initialFilter: MemberFilter | null) {
  const [state, setState] = useState<SegmentFormState>(segmentId ? { status: 'loading' } : { status: 'ready' })
  const [name, setName] = useState('')
  const [draft, setDraft] = useState<FilterDraft>(() => (initialFilter ? draftOfFilter(initialFilter) : emptyFilterDraft()))
  const [nameError, setNameError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)

  const load = useCallback(async () => {
    if (!segmentId) return
    setState({ status: 'loading' })
    try {
      const segment = await call('crm', 'segment', { segmentId })
      setName(segment.name)
      setDraft(draftOfFilter(segment.filter))
      setState({ status: 'ready' })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [segmentId])

  useEffect(() => {
    void load()
  }, [load])

  const parsed = useMemo(() => filterOfDraft(draft), [draft])

  const save = useCallback(async () => {
    if (busy.current) return
    const trimmed = name.trim()
    const problem = !trimmed ? '请填写分群名称' : trimmed.length > 20 ? '名称最多 20 个字' : null
    setNameError(problem)
    if (problem || !parsed.filter) {
      void Taro.showToast({ title: problem ?? '请检查筛选条件', icon: 'none' })
      return
    }
    busy.current = true
    setSaving(true)
    try {
      const saved = await call('crm', 'saveSegment', { ...(segmentId ? { segmentId } : {}), name: trimmed, filter: parsed.filter })
      void Taro.showToast({ title: `已保存，${saved.count} 人`, icon: 'none' })
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: OPS_SEGMENTS_URL }))
    } catch (error) {
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
    } finally {
      busy.current = false
      setSaving(false)
    }
  }, [name, parsed, segmentId])

  return { state, name, setName, draft, setDraft, filter: parsed.filter, errors: parsed.errors, nameError, saving, save, reload: load }
}
