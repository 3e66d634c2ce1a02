import { useMemo } from 'react'
import { qrMatrix, qrSvgPath } from '../../utils/qr/matrix'
import { QR_DARK, QR_LIGHT } from '../../utils/qr/paint'

interface Props {
  text: string
  testId?: string
}

/** H5: the symbol as one SVG path, dark on light with its quiet zone, crisp at any size. */
export default function QrSvg({ text, testId }: Props) {
  const { size, path } = useMemo(() => {
    const matrix = qrMatrix(text)
    return { size: matrix.size, path: qrSvgPath(matrix) }
  }, [text])
  return (
    <svg
      className='qr-code__svg'
      data-testid={testId}
      data-text={text}
      xmlns='http://www.w3.org/2000/svg'
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering='crispEdges'
      role='img'
      aria-label='二维码'
    >
      <rect width={size} height={size} fill={QR_LIGHT} />
      <path d={path} fill={QR_DARK} />
    </svg>
  )
}
