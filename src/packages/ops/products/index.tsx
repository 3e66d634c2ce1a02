import { Button, Input, Text, View } from '@tarojs/components'
import Taro, { useReachBottom } from '@tarojs/taro'
import { useState } from 'react'
import LoadMore from '../../../components/load-more'
import { OPS_CATEGORIES_URL, opsProductFormUrl } from '../../../components/ops-entry/links'
import StateView from '../../../components/state-view'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import ProductRow from './product-row'
import { useProducts, type ProductTab } from './use-products'
import '../shared/ops.scss'
import './index.scss'

const TABS: Array<{ key: ProductTab; label: string; count: 'ON_SALE' | 'OFF_SALE' | 'all' }> = [
  { key: 'ON_SALE', label: '在售', count: 'ON_SALE' },
  { key: 'OFF_SALE', label: '已下架', count: 'OFF_SALE' },
  { key: 'all', label: '全部', count: 'all' }
]

const EMPTY: Record<ProductTab, string> = {
  ON_SALE: '没有在售的商品，新建商品后在「已下架」里上架',
  OFF_SALE: '没有已下架的商品',
  all: '还没有商品，点下方「新建商品」添加第一个'
}

const go = (url: string) => void Taro.navigateTo({ url })

/** 商品管理: products by status with search, price range and stock; 上架/下架, 编辑, 新建商品. */
export default function OpsProductsPage() {
  return (
    <OperatorGate>
      <OpsProducts />
    </OperatorGate>
  )
}

function OpsProducts() {
  const list = useProducts()
  const { state, tab } = list
  const [text, setText] = useState('')

  // Back from the form: the saved product shows at once.
  useRefreshOnShow(() => list.reload())
  useReachBottom(() => void list.loadMore())

  const counts = state.status === 'ready' ? state.counts : null
  return (
    <View className='ops-page ops-products'>
      <View className='ops-products__top'>
        <View className='ops-products__tabs'>
          {TABS.map((item) => (
            <Text
              key={item.key}
              className={`ops-products__tab${item.key === tab ? ' ops-products__tab--on' : ''}`}
              data-testid={`products-tab-${item.key}`}
              onClick={() => item.key !== tab && list.chooseTab(item.key)}
            >
              {item.label}
              {counts ? ` ${counts[item.count]}` : ''}
            </Text>
          ))}
        </View>
        <View className='ops-products__search'>
          <Input
            id='products-search'
            className='ops-input ops-products__search-input'
            value={text}
            placeholder='搜索商品名称'
            confirmType='search'
            onInput={(e) => setText(e.detail.value)}
            onConfirm={() => list.search(text)}
          />
          {list.keyword ? (
            <Text
              className='ops-products__search-clear'
              onClick={() => {
                setText('')
                list.search('')
              }}
            >
              清除
            </Text>
          ) : null}
          <Text className='ops-products__search-go' data-testid='products-search-go' onClick={() => list.search(text)}>
            搜索
          </Text>
        </View>
      </View>

      {state.status === 'loading' ? <StateView state='loading' /> : null}
      {state.status === 'denied' ? <NoAccess /> : null}
      {state.status === 'error' ? <StateView state='error' message={state.message} onRetry={() => void list.reload()} /> : null}
      {state.status === 'ready' && state.items.length === 0 ? (
        <StateView state='empty' message={list.keyword ? `没有名称含「${list.keyword}」的商品` : EMPTY[tab]} />
      ) : null}
      {state.status === 'ready' && state.items.length > 0 ? (
        <View className='ops-products__list'>
          {state.items.map((row) => (
            <ProductRow
              key={row.productId}
              row={row}
              busy={list.switching === row.productId}
              onEdit={() => go(opsProductFormUrl(row.productId))}
              onToggle={() => void list.toggleStatus(row)}
            />
          ))}
          <LoadMore hasMore={state.hasMore} loading={state.more === 'loading'} error={state.more === 'error' ? '加载失败' : null} onRetry={() => void list.loadMore()} />
        </View>
      ) : null}

      <View className='ops-bar'>
        <Button className='ops-bar__button ops-bar__button--ghost' data-testid='products-categories' onClick={() => go(OPS_CATEGORIES_URL)}>
          分类管理
        </Button>
        <Button className='ops-bar__button' data-testid='products-new' onClick={() => go(opsProductFormUrl())}>
          新建商品
        </Button>
      </View>
    </View>
  )
}
