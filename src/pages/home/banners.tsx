import { Swiper, SwiperItem } from '@tarojs/components'
import type { BannerView } from '../../core/contracts/catalog'
import { openLink } from '../../utils/navigate'
import CloudImage from '../../components/cloud-image'

export default function Banners({ banners }: { banners: BannerView[] }) {
  if (banners.length === 0) return null
  return (
    <Swiper
      className='home__banners'
      autoplay
      circular
      interval={4000}
      indicatorDots={banners.length > 1}
      indicatorColor='rgba(255, 255, 255, 0.5)'
      indicatorActiveColor='#ffffff'
    >
      {banners.map((banner) => (
        <SwiperItem key={banner._id}>
          <CloudImage className='home__banner-image' src={banner.image} mode='aspectFill' onClick={() => openLink(banner.link)} />
        </SwiperItem>
      ))}
    </Swiper>
  )
}
