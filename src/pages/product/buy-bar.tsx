import { View, Text, Button, Image } from '@tarojs/components'
import cartIcon from '../../assets/tabbar/cart.png'

export interface BuyBarProps {
  soldOut: boolean
  /** No SKU chosen or nothing in stock: buying is off. */
  disabled: boolean
  adding: boolean
  cartCount: number
  onCart: () => void
  onAdd: () => void
  onBuyNow: () => void
}

// `disabled` is passed only when true: Taro H5 renders disabled={false} as the attribute
// disabled="false", which its own `taro-button-core[disabled]` style then matches.

/** The fixed bar at the bottom: 购物车, 加入购物车, 立即购买 (or 已售罄). */
export default function BuyBar({ soldOut, disabled, adding, cartCount, onCart, onAdd, onBuyNow }: BuyBarProps) {
  return (
    <View className='product__bar'>
      <View className='product__bar-cart' onClick={onCart}>
        <Image className='product__bar-cart-icon' src={cartIcon} />
        <Text className='product__bar-cart-label'>购物车</Text>
        {cartCount > 0 ? <Text className='product__bar-cart-count'>{cartCount > 99 ? '99+' : cartCount}</Text> : null}
      </View>
      {soldOut ? (
        <Button className='product__bar-button product__bar-button--sold-out' disabled>
          已售罄
        </Button>
      ) : (
        <View className='product__bar-actions'>
          <Button className={`product__bar-button product__bar-button--add${disabled || adding ? ' product__bar-button--off' : ''}`} disabled={disabled || adding || undefined} onClick={onAdd}>
            {adding ? '加入中…' : '加入购物车'}
          </Button>
          <Button className={`product__bar-button product__bar-button--buy${disabled ? ' product__bar-button--off' : ''}`} disabled={disabled || undefined} onClick={onBuyNow}>
            立即购买
          </Button>
        </View>
      )}
    </View>
  )
}
