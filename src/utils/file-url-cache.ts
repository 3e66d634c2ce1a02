import Taro from '@tarojs/taro'

/**
 * weapp: `cloud://` fileIDs → temporary URLs through `Taro.cloud.getTempFileURL`.
 * Requests made in the same tick go out as one call (at most 50 ids a call,
 * WeChat's limit), a URL is kept until shortly before it expires, and an id
 * already on its way is not asked for twice.
 */
const BATCH_LIMIT = 50
/** Private files' links last 10 minutes unless the answer says otherwise. */
const DEFAULT_MAX_AGE_S = 600
/** Public files' links never expire; re-ask now and then anyway. */
const MAX_CACHE_MS = 2 * 3600 * 1000
const EXPIRY_MARGIN_MS = 60 * 1000

const cache = new Map<string, { url: string; expiresAt: number }>()
const inFlight = new Map<string, Promise<string | null>>()
let queue = new Map<string, (url: string | null) => void>()
let flushTimer: ReturnType<typeof setTimeout> | null = null

/** A fresh cached URL, or undefined. */
export function cachedTempUrl(fileID: string): string | undefined {
  const hit = cache.get(fileID)
  if (hit && hit.expiresAt > Date.now()) return hit.url
  return undefined
}

/** The temporary URL of a fileID; null when WeChat cannot give one (deleted file, no permission, offline). */
export function requestTempUrl(fileID: string): Promise<string | null> {
  const cached = cachedTempUrl(fileID)
  if (cached !== undefined) return Promise.resolve(cached)
  const pending = inFlight.get(fileID)
  if (pending) return pending
  const promise = new Promise<string | null>((resolve) => {
    queue.set(fileID, resolve)
    flushTimer ??= setTimeout(flush, 0)
  })
  inFlight.set(fileID, promise)
  void promise.finally(() => inFlight.delete(fileID))
  return promise
}

/** Forgets every URL (tests; a sign-out). */
export function clearTempUrlCache(): void {
  cache.clear()
}

function flush(): void {
  flushTimer = null
  const batch = queue
  queue = new Map()
  const ids = [...batch.keys()]
  for (let at = 0; at < ids.length; at += BATCH_LIMIT) void fetchChunk(ids.slice(at, at + BATCH_LIMIT), batch)
}

async function fetchChunk(ids: string[], resolvers: Map<string, (url: string | null) => void>): Promise<void> {
  const urls = new Map<string, string>()
  try {
    const { fileList } = await Taro.cloud.getTempFileURL({ fileList: ids })
    const now = Date.now()
    for (const item of fileList ?? []) {
      if (item.status !== 0 || !item.tempFileURL) continue
      const lifetimeMs = Math.min((item.maxAge || DEFAULT_MAX_AGE_S) * 1000, MAX_CACHE_MS)
      cache.set(item.fileID, { url: item.tempFileURL, expiresAt: now + lifetimeMs - EXPIRY_MARGIN_MS })
      urls.set(item.fileID, item.tempFileURL)
    }
  } catch {
    // Offline or refused: the images stay blank; the next render asks again.
  }
  for (const id of ids) resolvers.get(id)?.(urls.get(id) ?? null)
}
