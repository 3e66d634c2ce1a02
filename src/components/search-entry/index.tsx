import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import './index.scss'

/** The search page (subpackage packages/search). */
export const SEARCH_URL = '/packages/search/index/index'

/** A search box look-alike on home and 分类: a tap opens the search page, where the typing happens. */
export default function SearchEntry({ placeholder = '搜索商品名称或关键词' }: { placeholder?: string }) {
  return (
    <View className='search-entry' data-testid='search-entry' onClick={() => void Taro.navigateTo({ url: SEARCH_URL })}>
      <View className='search-entry__box'>
        <View className='search-entry__icon' />
        <Text className='search-entry__placeholder'>{placeholder}</Text>
      </View>
    </View>
  )
}
