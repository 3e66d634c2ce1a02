import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'

/** A points-mall coupon's order: nothing to pick up, the coupon is already in 我的优惠券. */
export default function CouponIssuedCard() {
  return (
    <View className='coupon-issued' data-testid='coupon-issued'>
      <Text className='coupon-issued__badge'>电子券</Text>
      <Text className='coupon-issued__title'>已发放至「我的优惠券」</Text>
      <Text className='coupon-issued__note'>无需取货，下单时在优惠券中选用</Text>
      <Text className='coupon-issued__link' onClick={() => void Taro.navigateTo({ url: '/packages/mall/coupons/index' })}>
        查看我的优惠券 ›
      </Text>
    </View>
  )
}
