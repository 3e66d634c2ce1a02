import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../../api'
import type { TagView } from '../../../../core/contracts/crm'

export interface FilterOptions {
  tiers: Array<{ id: string; name: string }>
  tags: TagView[]
  /** Tier id → name, for summaries. */
  tierNames: Record<string, string>
}

const EMPTY: FilterOptions = { tiers: [], tags: [], tierNames: {} }

/**
 * What the filter editor offers: the member tiers (the tier table every card
 * shows, `member.card`) and the tags (`crm.tags`). A failed read leaves that
 * choice empty; the rest of the editor still works.
 */
export function useFilterOptions() {
  const [options, setOptions] = useState<FilterOptions>(EMPTY)

  const load = useCallback(async () => {
    const [card, tags] = await Promise.all([call('member', 'card', {}).catch(() => null), call('crm', 'tags', {}).catch(() => [] as TagView[])])
    const tiers = (card?.tiers ?? []).map((t) => ({ id: t.id, name: t.name }))
    setOptions({ tiers, tags, tierNames: Object.fromEntries(tiers.map((t) => [t.id, t.name])) })
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  return { ...options, reload: load }
}
