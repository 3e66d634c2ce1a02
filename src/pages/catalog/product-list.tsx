import { ScrollView, View } from '@tarojs/components'
import ProductCard from '../../components/product-card'
import StateView from '../../components/state-view'
import Skeleton from '../../components/skeleton'
import LoadMore from '../../components/load-more'
import { useProductPages } from '../../utils/use-product-pages'

/** The right column: one category's products, the next page loaded near the bottom. */
export default function ProductList({ categoryId, categoryName }: { categoryId: string; categoryName: string }) {
  const pages = useProductPages(categoryId, 10)
  let body
  if (pages.status === 'loading') body = <Skeleton layout='grid' />
  else if (pages.status === 'error') body = <StateView state='error' message={pages.error ?? undefined} onRetry={() => void pages.reload()} />
  else if (pages.items.length === 0) body = <StateView state='empty' message={`「${categoryName}」暂时没有在售商品`} />
  else {
    body = (
      <View>
        {pages.items.map((product) => (
          <View key={product._id} className='catalog__item'>
            <ProductCard product={product} layout='row' />
          </View>
        ))}
        <LoadMore hasMore={pages.hasMore} loading={pages.loadingMore} error={pages.moreError} onRetry={() => void pages.loadMore()} />
      </View>
    )
  }
  return (
    <ScrollView className='catalog__products' scrollY lowerThreshold={120} onScrollToLower={() => void pages.loadMore()}>
      {body}
    </ScrollView>
  )
}
