import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { ProductSummary } from '../../core/contracts/catalog'
import Price from '../price'
import { productUrl } from '../../utils/routes'
import CloudImage from '../cloud-image'
import './index.scss'

export interface ProductCardProps {
  product: ProductSummary
  /** `grid`: image on top (home); `row`: image left (category list). */
  layout?: 'grid' | 'row'
  /** Defaults to opening the product page. */
  onClick?: (product: ProductSummary) => void
}

/** A product in a list: image, name, subtitle, from-price, 划线价, 已售罄. */
export default function ProductCard({ product, layout = 'grid', onClick }: ProductCardProps) {
  const open = () => {
    if (onClick) onClick(product)
    else void Taro.navigateTo({ url: productUrl(product._id) })
  }
  const showListPrice = product.listPrice > product.price
  return (
    <View className={`product-card product-card--${layout}${product.soldOut ? ' product-card--sold-out' : ''}`} onClick={open}>
      <View className='product-card__media'>
        {product.image ? (
          <CloudImage className='product-card__image' src={product.image} mode='aspectFill' lazyLoad />
        ) : (
          <View className='product-card__image product-card__image--blank' />
        )}
        {product.soldOut ? <Text className='product-card__sold-out'>已售罄</Text> : null}
      </View>
      <View className='product-card__body'>
        <Text className='product-card__name'>{product.name}</Text>
        {product.subtitle ? <Text className='product-card__subtitle'>{product.subtitle}</Text> : null}
        <View className='product-card__prices'>
          <Price fen={product.price} size='md' />
          {showListPrice ? <Price fen={product.listPrice} size='sm' strike className='product-card__list-price' /> : null}
        </View>
      </View>
    </View>
  )
}
