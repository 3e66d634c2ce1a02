import { qrMatrix } from '../../../utils/qr/matrix'
import { contextMeasure, drawPoster, type PosterContext } from '../../../utils/poster/draw'
import { layoutPoster, type PosterContent } from '../../../utils/poster/layout'

/**
 * H5: the poster drawn on a canvas of its own (never shown; the page shows
 * the PNG it gives), from pictures that are same-origin (the local cloud's
 * storage route, /assets) or served with CORS (crossOrigin anonymous), so
 * the canvas is never tainted and toBlob / toDataURL work.
 */

export interface H5Poster {
  canvas: HTMLCanvasElement
  /** data:image/png;base64,… */
  dataUrl: string
  width: number
  height: number
}

/** The pixel ratio of the PNG: at least 2 (sharp on a phone), at most 3. */
export const h5PixelRatio = (): number => Math.min(3, Math.max(2, Math.round(window.devicePixelRatio || 2)))

/** Loads a picture; null when it cannot be shown (missing, refused, or not CORS-safe). */
export function loadH5Image(url: string | null): Promise<HTMLImageElement | null> {
  if (!url) return Promise.resolve(null)
  return new Promise((resolve) => {
    const image = new Image()
    const absolute = new URL(url, window.location.href)
    if (absolute.origin !== window.location.origin && absolute.protocol !== 'data:' && absolute.protocol !== 'blob:') image.crossOrigin = 'anonymous'
    image.onload = () => resolve(image.naturalWidth > 0 ? image : null)
    image.onerror = () => resolve(null)
    image.src = absolute.href
  })
}

export async function renderH5Poster(content: PosterContent, coverUrl: string | null, link: string): Promise<H5Poster> {
  const cover = await loadH5Image(coverUrl)
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d') as unknown as PosterContext | null
  if (!ctx) throw new Error('canvas 2d is not available')
  const dpr = h5PixelRatio()
  const layout = layoutPoster({ ...content, hasImage: content.hasImage && cover !== null }, dpr, contextMeasure(ctx))
  canvas.width = layout.width
  canvas.height = layout.height
  drawPoster(ctx, layout, { cover, avatar: null, code: { kind: 'qr', matrix: qrMatrix(link) } })
  return { canvas, dataUrl: canvas.toDataURL('image/png'), width: layout.width, height: layout.height }
}

/** 下载海报: the PNG through an <a download> (a phone browser may instead offer to open it; long-press saves too). */
export function downloadH5Poster(poster: H5Poster, fileName: string): Promise<void> {
  return new Promise((resolve, reject) => {
    poster.canvas.toBlob((blob) => {
      if (!blob) {
        reject(new Error('toBlob gave nothing'))
        return
      }
      const url = URL.createObjectURL(blob)
      const link = document.createElement('a')
      link.href = url
      link.download = fileName
      link.style.display = 'none'
      document.body.appendChild(link)
      link.click()
      link.remove()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
      resolve()
    }, 'image/png')
  })
}
