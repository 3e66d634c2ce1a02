import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import CartBadge from '../../components/cart-badge'

export default function HomePage() {
  const today = dayjs().format('YYYY-MM-DD')
  return (
    <View className='page'>
      <Text className='page__title'>首页</Text>
      <Text className='page__text'>欢迎来到私域商城，今天是 {today}。</Text>
      <CartBadge />
      <Text
        className='page__link'
        onClick={() => Taro.navigateTo({ url: '/packages/points/pages/index/index' })}
      >
        去积分商城 ›
      </Text>
    </View>
  )
}
