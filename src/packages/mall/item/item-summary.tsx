import { Text, View } from '@tarojs/components'
import MallPointsPrice from '../../../components/mall-points-price'
import type { MallItemDetailView } from '../../../core/contracts/mall'
import CloudImage from '../../../components/cloud-image'

/** Image (or the coupon's face), price in points (+ cash), name, stock and the member's limit. */
export default function ItemSummary({ item }: { item: MallItemDetailView }) {
  const limit = item.perMemberLimit > 0 ? `每人限兑 ${item.perMemberLimit} 件${item.redeemedByMe > 0 ? `，已兑 ${item.redeemedByMe} 件` : ''}` : '不限兑换次数'
  return (
    <>
      <View className='mall-item__media'>
        {item.image ? (
          <CloudImage className='mall-item__image' src={item.image} mode='aspectFill' />
        ) : (
          <View className='mall-item__image mall-item__image--coupon'>
            <Text className='mall-item__coupon-face'>{item.couponLabel ?? item.title}</Text>
            <Text className='mall-item__coupon-note'>{item.kind === 'coupon' ? '兑换后放入「我的优惠券」' : ''}</Text>
          </View>
        )}
        {item.soldOut ? (
          <View className='mall-item__veil'>
            <Text className='mall-item__veil-text'>已兑完</Text>
          </View>
        ) : null}
      </View>
      <View className='mall-item__card'>
        <MallPointsPrice points={item.pointsPrice} cash={item.cashPrice} size='lg' />
        <Text className='mall-item__name'>{item.title}</Text>
        {item.subtitle ? <Text className='mall-item__subtitle'>{item.subtitle}</Text> : null}
        <View className='mall-item__chips'>
          <Text className={`mall-item__chip${item.soldOut ? ' mall-item__chip--off' : ''}`} data-testid='item-stock'>
            {item.soldOut ? '已兑完' : `剩余 ${item.stock} 件`}
          </Text>
          <Text className={`mall-item__chip${item.limitReached ? ' mall-item__chip--off' : ''}`}>{limit}</Text>
          {item.kind === 'coupon' ? <Text className='mall-item__chip'>优惠券 · {item.couponLabel}</Text> : null}
        </View>
      </View>
    </>
  )
}
