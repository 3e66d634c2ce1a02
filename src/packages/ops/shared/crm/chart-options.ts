import type { ChartCanvas } from '../../index/chart-canvas'

export const CRM_COLORS = ['#e4393c', '#2f3b52', '#1f7ae0', '#1f9d55', '#f0a020', '#8a8a8a']

/** The options every CRM chart shares (sizes in device pixels, as the dashboard's trend). */
export function baseOptions(canvas: ChartCanvas) {
  return {
    width: canvas.width,
    height: canvas.height,
    pixelRatio: canvas.pixelRatio,
    canvas2d: true,
    animation: false,
    background: '#FFFFFF',
    color: CRM_COLORS,
    padding: [16, 12, 4, 8],
    fontSize: 11,
    dataLabel: false,
    legend: { show: true, position: 'top', float: 'right' }
  }
}

export function barOptions(canvas: ChartCanvas, categories: string[], series: Array<{ name: string; data: number[] }>, opts: { percent?: boolean } = {}) {
  return {
    ...baseOptions(canvas),
    type: 'column',
    dataLabel: categories.length <= 9,
    legend: { show: series.length > 1, position: 'top', float: 'right' },
    categories,
    series,
    xAxis: { disableGrid: true, rotateLabel: categories.length > 6, rotateAngle: 35 },
    yAxis: { gridType: 'dash', data: [{ min: 0, ...(opts.percent ? { max: 100, format: (v: number) => `${Math.round(v)}%` } : { format: (v: number) => `${Math.round(v)}` }) }] },
    extra: { column: { type: 'group', width: 18 } }
  }
}

export function lineOptions(canvas: ChartCanvas, categories: string[], series: Array<{ name: string; data: number[] }>, opts: { area?: boolean; percent?: boolean } = {}) {
  return {
    ...baseOptions(canvas),
    type: opts.area ? 'area' : 'line',
    dataPointShape: categories.length <= 7,
    categories,
    series,
    xAxis: { disableGrid: true, labelCount: Math.min(categories.length, 6), boundaryGap: 'justify' },
    yAxis: { gridType: 'dash', data: [{ min: 0, format: (v: number) => (opts.percent ? `${Math.round(v)}%` : `${Math.round(v)}`) }] },
    extra: opts.area ? { area: { type: 'straight', opacity: 0.2, addLine: true, width: 2 } } : { line: { type: 'straight', width: 2 } }
  }
}
