import { View } from '@tarojs/components'
import CloudImage from '../../components/cloud-image'

/** The operator's 详情图, full width below the description. */
export default function DetailImages({ images }: { images: string[] }) {
  if (images.length === 0) return null
  return (
    <View className='product__detail-images' data-testid='product-detail-images'>
      {images.map((src, index) => (
        <CloudImage key={`${src}-${index}`} className='product__detail-image' src={src} mode='widthFix' />
      ))}
    </View>
  )
}
