import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { call, errorMessage } from '../../api'
import type { CategoryView } from '../../core/contracts/catalog'
import StateView from '../../components/state-view'
import Skeleton from '../../components/skeleton'
import { useCartBadgeOnShow } from '../../utils/cart-badge'
import CategoryRail from './category-rail'
import ProductList from './product-list'
import SearchEntry from '../../components/search-entry'
import './index.scss'

type CatalogState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; categories: CategoryView[] }

export default function CatalogPage() {
  const [state, setState] = useState<CatalogState>({ status: 'loading' })
  const [activeId, setActiveId] = useState<string | undefined>(undefined)
  useCartBadgeOnShow()

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      const categories = await call('catalog', 'categories', {})
      setState({ status: 'ready', categories })
      setActiveId((current) => (current && categories.some((c) => c._id === current) ? current : categories[0]?._id))
    } catch (error) {
      setState({ status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  if (state.status === 'loading') return <Skeleton layout='grid' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void load()} />
  if (state.categories.length === 0) return <StateView state='empty' message='还没有商品分类' />

  const active = state.categories.find((c) => c._id === activeId) ?? state.categories[0]
  return (
    <View className='catalog'>
      <SearchEntry placeholder='搜索商品' />
      <View className='catalog__columns'>
        <CategoryRail categories={state.categories} activeId={active._id} onSelect={setActiveId} />
        {/* keyed by category: a new category starts a fresh list scrolled to the top */}
        <ProductList key={active._id} categoryId={active._id} categoryName={active.name} />
      </View>
    </View>
  )
}
