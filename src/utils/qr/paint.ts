import { darkRuns, type QrMatrix } from './matrix'

/** The little of a canvas 2D context the painter needs (weapp's Canvas 2D and the DOM's agree on it). */
export interface QrPaintTarget {
  fillStyle: unknown
  fillRect(x: number, y: number, width: number, height: number): void
}

export const QR_DARK = '#000000'
export const QR_LIGHT = '#ffffff'

/**
 * Paints the matrix into a square of `side` device pixels: light background
 * (the quiet zone included), then the dark runs snapped to whole pixels so
 * neighbouring modules leave no hairline gaps.
 */
export function paintQr(ctx: QrPaintTarget, matrix: QrMatrix, side: number): void {
  const scale = side / matrix.size
  const at = (modules: number) => Math.round(modules * scale)
  ctx.fillStyle = QR_LIGHT
  ctx.fillRect(0, 0, side, side)
  ctx.fillStyle = QR_DARK
  for (const run of darkRuns(matrix)) {
    const x = at(run.x)
    const y = at(run.y)
    ctx.fillRect(x, y, at(run.x + run.length) - x, at(run.y + 1) - y)
  }
}
