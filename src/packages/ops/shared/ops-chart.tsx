import { Canvas, Text, View } from '@tarojs/components'
import UCharts from '@qiun/ucharts'
import { useEffect, useState } from 'react'
import { findChartCanvas, type ChartCanvas } from '../index/chart-canvas'

const FALLBACK = { width: 340, height: 220 }
const FIND_ATTEMPTS = 10
const FIND_DELAY_MS = 50

interface Props {
  /** The canvas id, unique on the page. */
  id: string
  /** uCharts options for the laid-out canvas (device pixels). */
  options: (canvas: ChartCanvas) => { type: string; [option: string]: unknown }
  /** Stands for the data: the chart redraws when it changes. */
  dataKey: string
  empty?: boolean
  emptyText?: string
  /** The wrapper's test id (default `chart-<id>`), the canvas's, and extra classes. */
  testId?: string
  canvasTestId?: string
  className?: string
}

/** A uCharts chart on Canvas 2D (weapp and H5) for any options, redrawn when `dataKey` changes: the dashboard's trend and the CRM's charts. */
export default function OpsChart({ id, options, dataKey, empty = false, emptyText = '暂无数据', testId, canvasTestId, className = '' }: Props) {
  const [failed, setFailed] = useState(false)

  useEffect(() => {
    if (empty) return undefined
    let cancelled = false
    const draw = async (attempt: number) => {
      const canvas = await findChartCanvas(id, FALLBACK)
      if (cancelled) return
      if (!canvas) {
        if (attempt < FIND_ATTEMPTS) setTimeout(() => void draw(attempt + 1), FIND_DELAY_MS)
        else setFailed(true)
        return
      }
      try {
        // eslint-disable-next-line no-new
        new UCharts({ ...options(canvas), context: canvas.context })
        setFailed(false)
      } catch {
        setFailed(true)
      }
    }
    setTimeout(() => void draw(0), 0)
    return () => {
      cancelled = true
    }
    // `dataKey` stands for the options' content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [dataKey, empty, id])

  return (
    <View className={`ops-trend ${className}`} data-testid={testId ?? `chart-${id}`}>
      {empty ? <Text className='crm-chart__empty'>{emptyText}</Text> : <Canvas type='2d' id={id} className={`ops-trend__canvas ${className ? `${className}__canvas` : ''}`} data-testid={canvasTestId} />}
      {failed && !empty ? <Text className='ops-trend__note'>图表暂时无法显示</Text> : null}
    </View>
  )
}
