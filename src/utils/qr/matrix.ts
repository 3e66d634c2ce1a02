import { encode } from 'uqr'

/** The quiet zone the QR standard asks for around the symbol, in modules. */
export const QR_QUIET_ZONE = 4

/** A QR symbol as modules, the quiet zone included: `dark[y][x]`. */
export interface QrMatrix {
  /** Modules per side, quiet zone included. */
  size: number
  dark: boolean[][]
}

/** Encodes `text` (error correction M: a worn or glared screen still scans). */
export function qrMatrix(text: string, quietZone = QR_QUIET_ZONE): QrMatrix {
  const { size, data } = encode(text, { ecc: 'M', border: quietZone })
  return { size, dark: data }
}

/** Horizontal runs of dark modules, row by row: what both the SVG and the canvas draw. */
export function darkRuns(matrix: QrMatrix): Array<{ x: number; y: number; length: number }> {
  const runs: Array<{ x: number; y: number; length: number }> = []
  matrix.dark.forEach((row, y) => {
    let start = -1
    for (let x = 0; x <= row.length; x += 1) {
      const dark = x < row.length && row[x]
      if (dark && start < 0) start = x
      if (!dark && start >= 0) {
        runs.push({ x: start, y, length: x - start })
        start = -1
      }
    }
  })
  return runs
}

/** One SVG path for every dark module, in module units (viewBox 0 0 size size). */
export function qrSvgPath(matrix: QrMatrix): string {
  return darkRuns(matrix)
    .map((run) => `M${run.x} ${run.y}h${run.length}v1h-${run.length}z`)
    .join('')
}
