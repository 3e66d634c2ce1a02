import { View, Text } from '@tarojs/components'

export default function CatalogPage() {
  return (
    <View className='page'>
      <Text className='page__title'>分类</Text>
      <Text className='page__text'>按类目浏览全部商品。</Text>
    </View>
  )
}
