import Taro from '@tarojs/taro'

/** Recent searches on this device, newest first (local storage; nothing leaves the phone). */
export const HISTORY_KEY = 'siyu.search.history'
export const HISTORY_MAX = 10

export function readHistory(): string[] {
  try {
    const stored: unknown = Taro.getStorageSync(HISTORY_KEY)
    const list: unknown = typeof stored === 'string' && stored ? JSON.parse(stored) : stored
    return Array.isArray(list) ? list.filter((item): item is string => typeof item === 'string').slice(0, HISTORY_MAX) : []
  } catch {
    return []
  }
}

/** Puts `q` first (once) and keeps the newest HISTORY_MAX; answers the new list. */
export function rememberSearch(q: string): string[] {
  const next = [q, ...readHistory().filter((item) => item !== q)].slice(0, HISTORY_MAX)
  write(next)
  return next
}

export function clearHistory(): string[] {
  write([])
  return []
}

function write(list: string[]): void {
  try {
    Taro.setStorageSync(HISTORY_KEY, JSON.stringify(list))
  } catch {
    // Storage full or blocked: history is a convenience, searching still works.
  }
}
