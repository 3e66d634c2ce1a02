import { useCallback, useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'
import { call, errorMessage, toastError } from '../../api'
import type { HomeView } from '../../core/contracts/catalog'
import StateView from '../../components/state-view'
import Skeleton from '../../components/skeleton'
import SectionTitle from '../../components/section-title'
import ProductGrid from '../../components/product-grid'
import LoadMore from '../../components/load-more'
import { useProductPages } from '../../utils/use-product-pages'
import { useCartBadgeOnShow } from '../../utils/cart-badge'
import Banners from './banners'
import EntryTiles from './entry-tiles'
import FlashStrip from './flash-strip'
import SearchEntry from '../../components/search-entry'
import './index.scss'

type HomeState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; home: HomeView }

export default function HomePage() {
  const [state, setState] = useState<HomeState>({ status: 'loading' })
  const ready = state.status === 'ready'
  const more = useProductPages(undefined, 10, ready)
  useCartBadgeOnShow()

  /** Answers false when it failed; a failed refresh keeps what is shown. */
  const load = useCallback(async (refresh: boolean) => {
    if (!refresh) setState({ status: 'loading' })
    try {
      const home = await call('catalog', 'home', {})
      setState({ status: 'ready', home })
    } catch (error) {
      if (refresh) toastError(error)
      else setState({ status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void load(false)
  }, [load])

  usePullDownRefresh(() => {
    const refresh = state.status === 'ready' ? Promise.all([load(true), more.reload()]) : load(false)
    void refresh.finally(() => Taro.stopPullDownRefresh())
  })

  useReachBottom(() => {
    void more.loadMore()
  })

  if (state.status === 'loading') return <Skeleton layout='home' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void load(false)} />

  const { banners, featured } = state.home
  const featuredIds = new Set(featured.map((p) => p._id))
  const others = more.items.filter((p) => !featuredIds.has(p._id))
  const nothing = banners.length === 0 && featured.length === 0 && more.status === 'ready' && more.items.length === 0

  return (
    <View className='home'>
      <SearchEntry />
      <Banners banners={banners} />
      <EntryTiles />
      <FlashStrip />
      {nothing ? <StateView state='empty' message='商品正在上架中，稍后再来看看' /> : null}
      {featured.length > 0 ? (
        <View className='home__section'>
          <SectionTitle title='精选推荐' />
          <ProductGrid products={featured} />
        </View>
      ) : null}
      {others.length > 0 || more.status !== 'ready' ? (
        <View className='home__section'>
          <SectionTitle title='全部商品' />
          {more.status === 'error' ? (
            <StateView state='error' message={more.error ?? undefined} onRetry={() => void more.reload()} />
          ) : null}
          {more.status === 'loading' ? <LoadMore hasMore loading /> : null}
          <ProductGrid products={others} />
          {more.status === 'ready' ? (
            <LoadMore hasMore={more.hasMore} loading={more.loadingMore} error={more.moreError} onRetry={() => void more.loadMore()} />
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
