import type { StatsSeriesPoint } from '../../../core/contracts/stats'

export const TREND_COLORS = ['#e4393c', '#2f3b52']

/** `2025-01-06` → `1/6`. */
export const dayLabel = (day: string): string => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`

/**
 * uCharts options of the daily trend: GMV in yuan (left axis) and paid
 * orders (right axis) per day. `pixelRatio` scales a Canvas 2D drawn at the
 * device's resolution; width and height are in device pixels.
 */
export function trendOptions(series: StatsSeriesPoint[], size: { width: number; height: number; pixelRatio: number }) {
  return {
    type: 'line',
    width: size.width,
    height: size.height,
    pixelRatio: size.pixelRatio,
    canvas2d: true,
    animation: false,
    background: '#FFFFFF',
    color: TREND_COLORS,
    padding: [16, 12, 4, 8],
    fontSize: 11,
    dataLabel: false,
    dataPointShape: series.length <= 7,
    legend: { show: true, position: 'top', float: 'right' },
    categories: series.map((point) => dayLabel(point.day)),
    series: [
      { name: '成交额(元)', index: 0, data: series.map((point) => Math.round(point.gmvFen) / 100) },
      { name: '支付订单', index: 1, data: series.map((point) => point.paidOrders) }
    ],
    xAxis: { disableGrid: true, labelCount: Math.min(series.length, 7), boundaryGap: 'justify' },
    yAxis: {
      gridType: 'dash',
      data: [
        { position: 'left', min: 0, format: (v: number) => (v >= 10000 ? `${Math.round(v / 1000) / 10}万` : `${Math.round(v)}`) },
        { position: 'right', min: 0, format: (v: number) => `${Math.round(v)}` }
      ]
    },
    extra: { line: { type: 'straight', width: 2 } }
  }
}
