import { View } from '@tarojs/components'
import { isH5 } from '../../utils/platform'
import QrCanvas from './qr-canvas'
import QrSvg from './qr-svg'
import './index.scss'

export interface QrCodeProps {
  text: string
  /** The SVG's data-testid on H5. */
  testId?: string
  /** The canvas id on weapp (unique in the page). */
  canvasId?: string
  /** Greyed out while a fresh code is on its way. */
  stale?: boolean
  className?: string
}

/**
 * A QR code filling its box (the caller sizes it): SVG on H5, Canvas 2D on
 * weapp, both from one matrix (src/utils/qr) with a 4-module quiet zone.
 */
export default function QrCode({ text, testId, canvasId = 'qr-code-canvas', stale = false, className }: QrCodeProps) {
  return (
    <View className={['qr-code', stale ? 'qr-code--stale' : '', className ?? ''].filter(Boolean).join(' ')}>
      {isH5() ? <QrSvg text={text} testId={testId} /> : <QrCanvas text={text} canvasId={canvasId} />}
    </View>
  )
}
