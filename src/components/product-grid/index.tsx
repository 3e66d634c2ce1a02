import { View } from '@tarojs/components'
import type { ProductSummary } from '../../core/contracts/catalog'
import ProductCard from '../product-card'
import './index.scss'

export interface ProductGridProps {
  products: ProductSummary[]
}

/** Two product cards a row. */
export default function ProductGrid({ products }: ProductGridProps) {
  return (
    <View className='product-grid'>
      {products.map((product) => (
        <View key={product._id} className='product-grid__cell'>
          <ProductCard product={product} />
        </View>
      ))}
    </View>
  )
}
