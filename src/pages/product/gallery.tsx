import { Swiper, SwiperItem, View, Text } from '@tarojs/components'
import CloudImage from '../../components/cloud-image'

/** The product's images, square, with a 已售罄 veil when nothing is left. */
export default function Gallery({ images, soldOut }: { images: string[]; soldOut: boolean }) {
  return (
    <View className='product__gallery'>
      {images.length > 0 ? (
        <Swiper className='product__swiper' circular={images.length > 1} indicatorDots={images.length > 1} indicatorActiveColor='#e4393c'>
          {images.map((src) => (
            <SwiperItem key={src}>
              <CloudImage className='product__image' src={src} mode='aspectFill' />
            </SwiperItem>
          ))}
        </Swiper>
      ) : (
        <View className='product__swiper product__image--blank' />
      )}
      {soldOut ? (
        <View className='product__veil'>
          <Text className='product__veil-text'>已售罄</Text>
        </View>
      ) : null}
    </View>
  )
}
