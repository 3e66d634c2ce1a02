import { Canvas, Text, View } from '@tarojs/components'
import UCharts from '@qiun/ucharts'
import { useEffect, useState } from 'react'
import type { StatsSeriesPoint } from '../../../core/contracts/stats'
import { findChartCanvas } from './chart-canvas'
import { trendOptions } from './trend-options'

const CANVAS_ID = 'ops-trend-canvas'
/** CSS pixels when the canvas reports no size yet (the SCSS gives it this height). */
const FALLBACK = { width: 340, height: 220 }
const FIND_ATTEMPTS = 10
const FIND_DELAY_MS = 50

/** 成交额与订单趋势: a uCharts line chart on Canvas 2D (weapp and H5), redrawn when the series changes. */
export default function TrendChart({ series }: { series: StatsSeriesPoint[] }) {
  const [failed, setFailed] = useState(false)
  const key = series.map((p) => `${p.day}:${p.gmvFen}:${p.paidOrders}`).join('|')

  useEffect(() => {
    let cancelled = false
    const draw = async (attempt: number) => {
      const canvas = await findChartCanvas(CANVAS_ID, FALLBACK)
      if (cancelled) return
      if (!canvas) {
        if (attempt < FIND_ATTEMPTS) setTimeout(() => void draw(attempt + 1), FIND_DELAY_MS)
        else setFailed(true)
        return
      }
      try {
        // eslint-disable-next-line no-new
        new UCharts({ ...trendOptions(series, canvas), context: canvas.context })
        setFailed(false)
      } catch {
        setFailed(true)
      }
    }
    // After the render commits, when the canvas is laid out.
    setTimeout(() => void draw(0), 0)
    return () => {
      cancelled = true
    }
    // `key` stands for the series' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])

  return (
    <View className='ops-trend' data-testid='ops-trend'>
      <Canvas type='2d' id={CANVAS_ID} className='ops-trend__canvas' data-testid='ops-trend-canvas' />
      {failed ? <Text className='ops-trend__note'>图表暂时无法显示</Text> : null}
    </View>
  )
}
