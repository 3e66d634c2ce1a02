import { Text, View } from '@tarojs/components'
import type { Fen } from '../../core/money'
import Price from '../price'
import './index.scss'

export interface MallPointsPriceProps {
  points: number
  /** The cash part in fen; 0 for a points-only item. */
  cash: Fen
  size?: 'sm' | 'md' | 'lg'
  className?: string
}

/** A points-mall price: "1200 积分" or "800 积分 + ¥9.90" (the cash part through <Price>). */
export default function MallPointsPrice({ points, cash, size = 'md', className }: MallPointsPriceProps) {
  return (
    <View className={`mall-points-price mall-points-price--${size}${className ? ` ${className}` : ''}`} data-testid='mall-points-price'>
      <Text className='mall-points-price__points'>{points}</Text>
      <Text className='mall-points-price__unit'>积分</Text>
      {cash > 0 ? (
        <>
          <Text className='mall-points-price__plus'>+</Text>
          <Price fen={cash} size={size} />
        </>
      ) : null}
    </View>
  )
}
