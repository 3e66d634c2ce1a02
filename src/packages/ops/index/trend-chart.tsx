import type { StatsSeriesPoint } from '../../../core/contracts/stats'
import OpsChart from '../shared/ops-chart'
import { trendOptions } from './trend-options'

/** 成交额与订单趋势: a uCharts line chart, redrawn when the series changes. */
export default function TrendChart({ series }: { series: StatsSeriesPoint[] }) {
  const key = series.map((p) => `${p.day}:${p.gmvFen}:${p.paidOrders}`).join('|')
  return <OpsChart id='ops-trend-canvas' testId='ops-trend' canvasTestId='ops-trend-canvas' options={(canvas) => trendOptions(series, canvas)} dataKey={key} />
}
