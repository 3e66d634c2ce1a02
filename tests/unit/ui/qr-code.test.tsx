/** @jest-environment jsdom */
import { afterEach, describe, expect, test } from '@jest/globals'
import { cleanup, render, screen } from '@testing-library/react'
import jsQR from 'jsqr'
import QrCode from '../../../src/components/qr-code'
import { qrMatrix, QR_QUIET_ZONE, type QrMatrix } from '../../../src/utils/qr/matrix'
import { paintQr } from '../../../src/utils/qr/paint'

afterEach(cleanup)

const PX = 6

/** Rasterises the rendered SVG (its background rect and one path of `M x y h n v1 h-n z` runs) into RGBA pixels. */
function rasteriseSvg(svg: SVGSVGElement): { data: Uint8ClampedArray; side: number } {
  const modules = Number(svg.getAttribute('viewBox')!.split(' ')[2])
  const rect = svg.querySelector('rect')!
  expect(rect.getAttribute('fill')).toBe('#ffffff')
  expect(Number(rect.getAttribute('width'))).toBe(modules)
  const path = svg.querySelector('path')!
  expect(path.getAttribute('fill')).toBe('#000000')
  const side = modules * PX
  const data = new Uint8ClampedArray(side * side * 4).fill(255)
  const runs = [...path.getAttribute('d')!.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)]
  expect(runs.map((r) => r[0]).join('')).toBe(path.getAttribute('d'))
  for (const [, x, y, n] of runs) {
    for (let py = Number(y) * PX; py < (Number(y) + 1) * PX; py += 1) {
      for (let px = Number(x) * PX; px < (Number(x) + Number(n)) * PX; px += 1) {
        const at = (py * side + px) * 4
        data[at] = data[at + 1] = data[at + 2] = 0
      }
    }
  }
  return { data, side }
}

/** Paints through the canvas painter into an RGBA buffer, as the weapp canvas would. */
function paintToPixels(matrix: QrMatrix, side: number): Uint8ClampedArray {
  const data = new Uint8ClampedArray(side * side * 4)
  const target = {
    fillStyle: '' as unknown,
    fillRect(x: number, y: number, w: number, h: number) {
      const v = this.fillStyle === '#000000' ? 0 : 255
      for (let py = y; py < y + h; py += 1) {
        for (let px = x; px < x + w; px += 1) {
          const at = (py * side + px) * 4
          data[at] = data[at + 1] = data[at + 2] = v
          data[at + 3] = 255
        }
      }
    }
  }
  paintQr(target, matrix, side)
  return data
}

const TOKEN = 'm1.Qx7eK2pZ0aV9bL4cN8dR3fT6gH1jW5kY.29384756'

describe('QR code', () => {
  test('H5 renders one SVG, dark on light with a 4-module quiet zone, that decodes to the text', () => {
    render(<QrCode text={TOKEN} testId='member-qr' />)
    const svg = screen.getByTestId('member-qr') as unknown as SVGSVGElement
    expect(svg.tagName.toLowerCase()).toBe('svg')
    const matrix = qrMatrix(TOKEN)
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${matrix.size} ${matrix.size}`)
    // The quiet zone is light on every side.
    for (let i = 0; i < matrix.size; i += 1) {
      for (let q = 0; q < QR_QUIET_ZONE; q += 1) {
        expect([matrix.dark[q]![i], matrix.dark[i]![q], matrix.dark[matrix.size - 1 - q]![i], matrix.dark[i]![matrix.size - 1 - q]]).toEqual([false, false, false, false])
      }
    }
    const { data, side } = rasteriseSvg(svg)
    expect(jsQR(data, side, side)?.data).toBe(TOKEN)
  })

  test('a new text draws a new code', () => {
    const { rerender } = render(<QrCode text='first-token' testId='member-qr' />)
    const before = screen.getByTestId('member-qr').querySelector('path')!.getAttribute('d')
    rerender(<QrCode text='second-token' testId='member-qr' />)
    const svg = screen.getByTestId('member-qr') as unknown as SVGSVGElement
    expect(svg.querySelector('path')!.getAttribute('d')).not.toBe(before)
    const { data, side } = rasteriseSvg(svg)
    expect(jsQR(data, side, side)?.data).toBe('second-token')
  })

  test('the canvas painter (weapp) draws a code that decodes, at a size that is not a multiple of the modules', () => {
    const matrix = qrMatrix(TOKEN)
    const side = matrix.size * 5 + 7
    expect(jsQR(paintToPixels(matrix, side), side, side)?.data).toBe(TOKEN)
  })
})
