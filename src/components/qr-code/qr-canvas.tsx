import { Canvas } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { qrMatrix } from '../../utils/qr/matrix'
import { paintQr, type QrPaintTarget } from '../../utils/qr/paint'

interface Props {
  text: string
  canvasId: string
}

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): QrPaintTarget
}

/** The canvas may not be laid out on the first tick after a render: look again a few times. */
const FIND_ATTEMPTS = 10
const FIND_DELAY_MS = 50

/** weapp: the symbol drawn on a Canvas 2D at the device's pixel ratio. */
export default function QrCanvas({ text, canvasId }: Props) {
  useEffect(() => {
    let cancelled = false
    const matrix = qrMatrix(text)
    const draw = (attempt: number) => {
      Taro.createSelectorQuery()
        .select(`#${canvasId}`)
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode; width?: number } | null>) => {
          if (cancelled) return
          const found = res?.[0]
          if (!found?.node || !found.width) {
            if (attempt < FIND_ATTEMPTS) setTimeout(() => draw(attempt + 1), FIND_DELAY_MS)
            return
          }
          const side = Math.round(found.width * (Taro.getWindowInfo().pixelRatio || 2))
          found.node.width = side
          found.node.height = side
          paintQr(found.node.getContext('2d'), matrix, side)
        })
    }
    Taro.nextTick(() => draw(0))
    return () => {
      cancelled = true
    }
  }, [text, canvasId])

  return <Canvas type='2d' id={canvasId} className='qr-code__canvas' />
}
