import { useEffect, useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import type { SegmentPreview } from '../../../core/contracts/crm'
import type { MemberFilter } from '../../../core/crm/filter'

export const PREVIEW_DEBOUNCE_MS = 400

export type PreviewState = { status: 'idle' } | { status: 'loading'; last: SegmentPreview | null } | { status: 'ready'; preview: SegmentPreview } | { status: 'error'; message: string }

/** The live count and sample of a filter (crm.previewSegment), asked once the operator stops changing it; older answers are dropped. */
export function usePreview(filter: MemberFilter | null) {
  const [state, setState] = useState<PreviewState>({ status: 'idle' })
  const generation = useRef(0)
  const key = filter ? JSON.stringify(filter) : ''

  useEffect(() => {
    if (!filter) return undefined
    const mine = ++generation.current
    setState((s) => ({ status: 'loading', last: s.status === 'ready' ? s.preview : s.status === 'loading' ? s.last : null }))
    const timer = setTimeout(() => {
      call('crm', 'previewSegment', { filter })
        .then((preview) => mine === generation.current && setState({ status: 'ready', preview }))
        .catch((error) => mine === generation.current && setState({ status: 'error', message: errorMessage(error) }))
    }, PREVIEW_DEBOUNCE_MS)
    return () => clearTimeout(timer)
    // `key` stands for the filter's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  return state
}
