import Taro from '@tarojs/taro'

/** What uCharts needs of a Canvas 2D: its context, drawn at `pixelRatio` × the laid-out size. */
export interface ChartCanvas {
  context: unknown
  width: number
  height: number
  pixelRatio: number
}

interface CanvasLike {
  width: number
  height: number
  getContext(type: '2d'): unknown
}

const pixelRatioOf = (): number => {
  try {
    return Taro.getWindowInfo().pixelRatio || 2
  } catch {
    return typeof window !== 'undefined' && window.devicePixelRatio ? window.devicePixelRatio : 2
  }
}

/** Sizes the canvas to device pixels and answers its 2D context, or null when it cannot draw (no context). */
function prepare(canvas: CanvasLike, cssWidth: number, cssHeight: number): ChartCanvas | null {
  const pixelRatio = pixelRatioOf()
  const width = Math.round(cssWidth * pixelRatio)
  const height = Math.round(cssHeight * pixelRatio)
  canvas.width = width
  canvas.height = height
  const context = canvas.getContext('2d')
  return context ? { context, width, height, pixelRatio } : null
}

/**
 * The Canvas 2D node of `<Canvas type='2d' id={id} />`: on weapp through a
 * selector query (`fields({ node, size })`); on H5 (and in jsdom tests) the
 * DOM `<canvas>` Taro renders (inside its `taro-canvas-core` wrapper).
 */
export function findChartCanvas(id: string, fallbackSize: { width: number; height: number }): Promise<ChartCanvas | null> {
  if (process.env.TARO_ENV === 'weapp') {
    return new Promise((resolve) => {
      Taro.createSelectorQuery()
        .select(`#${id}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasLike; width?: number; height?: number } | null>) => {
          const found = res?.[0]
          if (!found?.node || !found.width || !found.height) return resolve(null)
          resolve(prepare(found.node, found.width, found.height))
        })
    })
  }
  if (typeof document === 'undefined') return Promise.resolve(null)
  const host = document.getElementById(id)
  const canvas = host instanceof HTMLCanvasElement ? host : host?.querySelector('canvas')
  if (!canvas) return Promise.resolve(null)
  const box = (host ?? canvas).getBoundingClientRect()
  return Promise.resolve(prepare(canvas, box.width || fallbackSize.width, box.height || fallbackSize.height))
}
