import { useEffect, useState } from 'react'
import { call } from '../../../api'
import type { SearchSuggestions } from '../../../core/contracts/catalog'

/** Waits this long after the last keystroke before asking (one call per pause, not per character). */
export const SUGGEST_DELAY_MS = 250

/** Product names for what is typed so far; an answer for older text is dropped. Failures show nothing (the customer can still search). */
export function useSuggestions(text: string, enabled: boolean): SearchSuggestions['items'] {
  const [items, setItems] = useState<SearchSuggestions['items']>([])
  useEffect(() => {
    const q = text.trim()
    if (!enabled || !q) {
      setItems([])
      return undefined
    }
    let current = true
    const timer = setTimeout(() => {
      call('catalog', 'searchSuggest', { q })
        .then((answer) => current && setItems(answer.items))
        .catch(() => current && setItems([]))
    }, SUGGEST_DELAY_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [text, enabled])
  return items
}
