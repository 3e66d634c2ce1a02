import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { ApiError, networkError } from '../api/errors'
import { renewedToken, sessionToken } from '../api/session'
import { isFileId, storageRoutePath } from '../core/storage/file-id'
import { IMAGE_TOO_LARGE, IMAGE_TOO_LARGE_MESSAGE, MAX_IMAGE_BYTES } from '../core/storage/images'
import { cachedTempUrl, requestTempUrl } from './file-url-cache'
import { isWeapp } from './platform'

/**
 * Images in cloud storage. Documents keep the `cloud://` fileID; weapp
 * uploads with `Taro.cloud.uploadFile` and shows files through
 * `getTempFileURL`; H5 uploads to the local cloud (`POST /api/storage/upload`)
 * and shows files from its storage route. Plain URLs and `/assets` paths
 * pass through untouched.
 */

const UPLOAD_PATH = '/api/storage/upload'

export const imageTooLarge = () => new ApiError(IMAGE_TOO_LARGE, IMAGE_TOO_LARGE_MESSAGE, { maxBytes: MAX_IMAGE_BYTES })

/** Uploads a chosen image (a weapp temp path, or the blob: URL Taro.chooseImage gives on H5); answers its fileID. */
export async function uploadImage(localPath: string, name: string): Promise<string> {
  return isWeapp() ? uploadOnWeapp(localPath, name) : uploadOnH5(localPath, name)
}

async function uploadOnWeapp(localPath: string, name: string): Promise<string> {
  const ext = extensionOf(localPath) ?? extensionOf(name) ?? 'jpg'
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '')
  const cloudPath = `images/${day}/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}.${ext}`
  try {
    const { fileID } = await Taro.cloud.uploadFile({ cloudPath, filePath: localPath })
    return fileID
  } catch (error) {
    throw networkError(error)
  }
}

async function uploadOnH5(localPath: string, name: string): Promise<string> {
  let blob: Blob
  try {
    blob = await (await fetch(localPath)).blob()
  } catch (error) {
    throw networkError(error)
  }
  if (blob.size > MAX_IMAGE_BYTES) throw imageTooLarge()
  const send = async (token: string) => {
    try {
      return await fetch(`${UPLOAD_PATH}?name=${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': blob.type || 'application/octet-stream', authorization: `Bearer ${token}` },
        body: blob,
      })
    } catch (error) {
      throw networkError(error)
    }
  }
  const token = await sessionToken()
  let res = await send(token)
  if (res.status === 401) res = await send(await renewedToken(token))
  const body = (await res.json().catch(() => null)) as { fileID?: string; error?: { code: string; message: string } } | null
  if (res.ok && body?.fileID) return body.fileID
  if (body?.error) throw new ApiError(body.error.code, body.error.message)
  throw networkError(new Error(`HTTP ${res.status}`))
}

function extensionOf(path: string): string | null {
  const match = /\.(png|jpe?g|webp)(?:$|[?#])/i.exec(path)
  return match ? match[1].toLowerCase().replace('jpeg', 'jpg') : null
}

/**
 * What can be shown for `src` right now: the URL itself for a plain URL,
 * the storage route on H5, a cached temp URL on weapp; undefined when weapp
 * still has to ask; null when there is nothing to show.
 */
export function peekFileUrl(src: string | null | undefined): string | null | undefined {
  if (!src) return null
  if (!isFileId(src)) return src
  if (!isWeapp()) return storageRoutePath(src)
  return cachedTempUrl(src)
}

/** `src` (fileID or URL) → a URL to show, or null while it resolves (weapp) or when it cannot. */
export function resolveFileUrl(src: string | null | undefined): Promise<string | null> {
  const now = peekFileUrl(src)
  return now !== undefined ? Promise.resolve(now) : requestTempUrl(src as string)
}

/** The URL to show for a fileID or plain URL; null until it is known. */
export function useFileUrl(src: string | null | undefined): string | null {
  const immediate = peekFileUrl(src)
  const [resolved, setResolved] = useState<{ src: string; url: string | null } | null>(null)
  useEffect(() => {
    if (!src || immediate !== undefined) return
    let live = true
    void requestTempUrl(src).then((url) => {
      if (live) setResolved({ src, url })
    })
    return () => {
      live = false
    }
  }, [src, immediate])
  if (immediate !== undefined) return immediate
  // A URL that just expired keeps showing until its replacement arrives.
  return resolved && resolved.src === src ? resolved.url : null
}
