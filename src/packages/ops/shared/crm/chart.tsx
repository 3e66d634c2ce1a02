import { Canvas, Text, View } from '@tarojs/components'
import UCharts from '@qiun/ucharts'
import { useEffect, useState } from 'react'
import { findChartCanvas, type ChartCanvas } from '../../index/chart-canvas'

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
}

/** A uCharts chart on Canvas 2D, as the dashboard's trend chart draws it (same canvas lookup), for any options. */
export default function CrmChart({ id, options, dataKey, empty = false, emptyText = '暂无数据' }: Props) {
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
    <View className='ops-trend crm-chart' data-testid={`chart-${id}`}>
      {empty ? <Text className='crm-chart__empty'>{emptyText}</Text> : <Canvas type='2d' id={id} className='ops-trend__canvas crm-chart__canvas' />}
      {failed && !empty ? <Text className='ops-trend__note'>图表暂时无法显示</Text> : null}
    </View>
  )
}
