import { Button, Input, Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { call } from '../../../api'
import type { CategoryView } from '../../../core/contracts/catalog'
import LoadMore from '../../../components/load-more'
import ProductCard from '../../../components/product-card'
import ProductGrid from '../../../components/product-grid'
import SectionTitle from '../../../components/section-title'
import StateView from '../../../components/state-view'
import { clearHistory, readHistory, rememberSearch } from './history'
import { useResults } from './use-results'
import { useSuggestions } from './use-suggestions'
import './index.scss'

/**
 * 搜索: type a product name or keyword. While typing, product names come up
 * (tap one to search it); before a search, recent searches and the
 * categories; an empty result offers the categories and popular products.
 */
export default function SearchPage() {
  const [text, setText] = useState('')
  const [history, setHistory] = useState<string[]>(() => readHistory())
  const [categories, setCategories] = useState<CategoryView[]>([])
  const results = useResults()
  const submitted = results.state.status === 'idle' ? null : results.state.q
  // Suggestions while the text differs from what was searched.
  const suggestions = useSuggestions(text, text.trim() !== submitted)

  useEffect(() => {
    call('catalog', 'categories', {})
      .then(setCategories)
      .catch(() => setCategories([]))
  }, [])

  useReachBottom(() => void results.loadMore())

  const search = (raw: string) => {
    const q = raw.trim()
    if (!q) return
    setText(q)
    setHistory(rememberSearch(q))
    void results.search(q)
  }
  const onInput = (value: string) => {
    setText(value)
    if (!value.trim()) results.reset()
  }

  const chips = (words: string[], testId: string) => (
    <View className='search__chips' data-testid={testId}>
      {words.map((word) => (
        <Text key={word} className='search__chip' onClick={() => search(word)}>
          {word}
        </Text>
      ))}
    </View>
  )
  const categoryChips = categories.length > 0 ? chips(categories.map((c) => c.name), 'search-categories') : null

  let body
  const typing = text.trim() !== '' && text.trim() !== submitted
  if (typing) {
    body = (
      <View className='search__suggestions' data-testid='search-suggestions'>
        <View className='search__suggestion search__suggestion--query' onClick={() => search(text)}>
          <Text>搜索「{text.trim()}」</Text>
        </View>
        {suggestions.map((item) => (
          <View key={item.productId} className='search__suggestion' onClick={() => search(item.name)}>
            <Text>{item.name}</Text>
          </View>
        ))}
      </View>
    )
  } else if (results.state.status === 'idle') {
    body = (
      <View className='search__start'>
        {history.length > 0 ? (
          <View className='search__block' data-testid='search-history'>
            <View className='search__block-head'>
              <Text className='search__block-title'>最近搜索</Text>
              <Text className='search__block-action' onClick={() => setHistory(clearHistory())}>
                清空
              </Text>
            </View>
            {chips(history, 'search-history-chips')}
          </View>
        ) : null}
        {categoryChips ? (
          <View className='search__block'>
            <Text className='search__block-title'>按分类找</Text>
            {categoryChips}
          </View>
        ) : null}
      </View>
    )
  } else if (results.state.status === 'loading') {
    body = <StateView state='loading' message='正在搜索…' />
  } else if (results.state.status === 'error') {
    const { q, message } = results.state
    body = <StateView state='error' message={message} onRetry={() => void results.search(q)} />
  } else if (results.state.items.length === 0) {
    const { q, popular } = results.state
    body = (
      <View data-testid='search-empty'>
        <StateView state='empty' message={`没有找到与「${q}」相关的商品，换个词试试`} />
        {categoryChips ? (
          <View className='search__block'>
            <Text className='search__block-title'>看看这些分类</Text>
            {categoryChips}
          </View>
        ) : null}
        {popular.length > 0 ? (
          <View className='search__popular'>
            <SectionTitle title='大家都在买' />
            <ProductGrid products={popular} />
          </View>
        ) : null}
      </View>
    )
  } else {
    const { items, hasMore, loadingMore } = results.state
    body = (
      <View className='search__results' data-testid='search-results'>
        {items.map((product) => (
          <View key={product._id} className='search__result'>
            <ProductCard product={product} layout='row' />
          </View>
        ))}
        <LoadMore hasMore={hasMore} loading={loadingMore} onRetry={() => void results.loadMore()} />
      </View>
    )
  }

  return (
    <View className='search'>
      <View className='search__bar'>
        <View className='search__box'>
          <Input
            className='search__input'
            data-testid='search-input'
            value={text}
            focus
            confirmType='search'
            placeholder='搜索商品名称或关键词'
            maxlength={30}
            onInput={(e) => onInput(e.detail.value)}
            onConfirm={(e) => search(e.detail.value)}
          />
          {text ? (
            <Text className='search__clear' data-testid='search-clear' onClick={() => onInput('')}>
              ×
            </Text>
          ) : null}
        </View>
        <Button className='search__go' data-testid='search-go' onClick={() => search(text)}>
          搜索
        </Button>
      </View>
      {body}
    </View>
  )
}
