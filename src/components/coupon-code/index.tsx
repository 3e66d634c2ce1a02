import { Text, View } from '@tarojs/components'
import QrCode from '../qr-code'
import './index.scss'

export interface CouponCodeProps {
  code: string
  /** Unique in the page (weapp draws the QR on a canvas with this id). */
  canvasId: string
}

/** An in-store coupon's verification code: a QR code staff scan, and the digits to type when scanning fails. */
export default function CouponCode({ code, canvasId }: CouponCodeProps) {
  return (
    <View className='coupon-code' data-testid='coupon-code'>
      <View className='coupon-code__qr'>
        <QrCode text={code} canvasId={canvasId} testId={`${canvasId}-svg`} />
      </View>
      <Text className='coupon-code__hint'>到店出示给店员扫码核销</Text>
      <Text className='coupon-code__digits'>{code.replace(/(\d{4})(?=\d)/g, '$1 ')}</Text>
    </View>
  )
}
