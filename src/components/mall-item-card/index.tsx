import { Text, View } from '@tarojs/components'
import type { MallItemView } from '../../core/contracts/mall'
import MallPointsPrice from '../mall-points-price'
import CloudImage from '../cloud-image'
import './index.scss'

export interface MallItemCardProps {
  item: MallItemView
  onClick: (item: MallItemView) => void
}

/** An item of the points mall in its grid: image, name, points (+ cash), stock left or 已兑完, the per-member limit. */
export default function MallItemCard({ item, onClick }: MallItemCardProps) {
  return (
    <View className={`mall-item-card${item.soldOut ? ' mall-item-card--sold-out' : ''}`} data-testid={`mall-item-${item.itemId}`} onClick={() => onClick(item)}>
      <View className='mall-item-card__media'>
        {item.image ? (
          <CloudImage className='mall-item-card__image' src={item.image} mode='aspectFill' lazyLoad />
        ) : (
          <View className='mall-item-card__image mall-item-card__image--coupon'>
            <Text className='mall-item-card__coupon-face'>{item.couponLabel ?? '好礼'}</Text>
          </View>
        )}
        {item.kind === 'coupon' ? <Text className='mall-item-card__kind'>优惠券</Text> : null}
        {item.soldOut ? <Text className='mall-item-card__sold-out'>已兑完</Text> : null}
      </View>
      <View className='mall-item-card__body'>
        <Text className='mall-item-card__name'>{item.title}</Text>
        <MallPointsPrice points={item.pointsPrice} cash={item.cashPrice} size='sm' className='mall-item-card__price' />
        <View className='mall-item-card__meta'>
          <Text>{item.soldOut ? '已兑完' : `剩余 ${item.stock}`}</Text>
          {item.perMemberLimit > 0 ? <Text>每人限兑 {item.perMemberLimit}</Text> : null}
        </View>
      </View>
    </View>
  )
}
