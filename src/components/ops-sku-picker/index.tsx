import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { formatPrice, type Fen } from '../../core/money'
import StateView from '../state-view'
import { useCatalog } from './use-catalog'
import CloudImage from '../cloud-image'
import './index.scss'

/** The SKU an activity sells, with what the form checks against: its price (the list price) and stock. */
export interface ChosenSku {
  skuId: string
  productId: string
  productName: string
  skuName: string
  image: string | null
  price: Fen
  stock: number
}

interface Props {
  value: ChosenSku | null
  onChange: (sku: ChosenSku) => void
  /** Editing: the SKU of an activity cannot change. */
  disabled?: boolean
}

/** 商品规格: shows the chosen SKU; a tap opens a sheet of products, and a product's SKUs to choose from. */
export default function OpsSkuPicker({ value, onChange, disabled = false }: Props) {
  const [open, setOpen] = useState(false)
  const [expanded, setExpanded] = useState<string | null>(null)
  const catalog = useCatalog()

  const show = () => {
    if (disabled) return
    setOpen(true)
    if (catalog.state.status === 'idle' || catalog.state.status === 'error') void catalog.loadFirst()
  }
  const toggle = (productId: string) => {
    setExpanded((current) => (current === productId ? null : productId))
    const known = catalog.details[productId]
    if (known === undefined || known === 'error') void catalog.loadDetail(productId)
  }

  return (
    <View className='ops-sku'>
      <View className={`ops-sku__value${disabled ? ' ops-sku__value--fixed' : ''}`} data-testid='sku-picker' onClick={show}>
        {value ? (
          <View className='ops-sku__chosen'>
            <Text className='ops-sku__name'>
              {value.productName} · {value.skuName}
            </Text>
            <Text className='ops-sku__meta'>
              售价 {formatPrice(value.price)} · 库存 {value.stock} 件
            </Text>
          </View>
        ) : (
          <Text className='ops-sku__placeholder'>选择商品规格</Text>
        )}
        {disabled ? null : <Text className='ops-sku__arrow'>›</Text>}
      </View>

      {open ? (
        <View className='ops-sku__sheet' data-testid='sku-sheet'>
          <View className='ops-sku__mask' onClick={() => setOpen(false)} />
          <View className='ops-sku__panel'>
            <View className='ops-sku__head'>
              <Text className='ops-sku__title'>选择商品规格</Text>
              <Text className='ops-sku__close' onClick={() => setOpen(false)}>
                ×
              </Text>
            </View>
            <View className='ops-sku__list'>
              {catalog.state.status === 'loading' ? <StateView state='loading' /> : null}
              {catalog.state.status === 'error' ? <StateView state='error' message={catalog.state.message ?? undefined} onRetry={() => void catalog.loadFirst()} /> : null}
              {catalog.state.status === 'ready' && catalog.state.products.length === 0 ? <StateView state='empty' message='还没有在售的商品' /> : null}
              {catalog.state.products.map((product) => {
                const detail = catalog.details[product._id]
                return (
                  <View key={product._id} className='ops-sku__product'>
                    <View className='ops-sku__product-row' data-testid={`sku-product-${product._id}`} onClick={() => toggle(product._id)}>
                      {product.image ? <CloudImage className='ops-sku__image' src={product.image} mode='aspectFill' /> : <View className='ops-sku__image' />}
                      <Text className='ops-sku__product-name'>{product.name}</Text>
                      <Text className='ops-sku__toggle'>{expanded === product._id ? '收起' : '选规格'}</Text>
                    </View>
                    {expanded === product._id ? (
                      <View className='ops-sku__skus'>
                        {detail === 'loading' || detail === undefined ? <Text className='ops-sku__note'>加载中…</Text> : null}
                        {detail === 'error' ? (
                          <Text className='ops-sku__note ops-sku__note--error' onClick={() => void catalog.loadDetail(product._id)}>
                            规格加载失败，点击重试
                          </Text>
                        ) : null}
                        {detail && typeof detail === 'object'
                          ? detail.skus.map((sku) => {
                              const none = sku.stock <= 0
                              return (
                                <View
                                  key={sku._id}
                                  className={`ops-sku__sku${none ? ' ops-sku__sku--off' : ''}${value?.skuId === sku._id ? ' ops-sku__sku--on' : ''}`}
                                  data-testid={`sku-option-${sku._id}`}
                                  onClick={() => {
                                    if (none) return
                                    onChange({
                                      skuId: sku._id,
                                      productId: detail._id,
                                      productName: detail.name,
                                      skuName: sku.name,
                                      image: detail.image,
                                      price: sku.price,
                                      stock: sku.stock
                                    })
                                    setOpen(false)
                                  }}
                                >
                                  <Text className='ops-sku__sku-name'>{sku.name}</Text>
                                  <Text className='ops-sku__sku-meta'>
                                    {formatPrice(sku.price)} · {none ? '无库存' : `库存 ${sku.stock}`}
                                  </Text>
                                </View>
                              )
                            })
                          : null}
                      </View>
                    ) : null}
                  </View>
                )
              })}
              {catalog.state.status === 'ready' && catalog.state.hasMore ? (
                <Text className='ops-sku__more' onClick={() => void catalog.loadMore()}>
                  {catalog.state.loadingMore ? '加载中…' : catalog.state.message ? `${catalog.state.message}，点击重试` : '加载更多商品'}
                </Text>
              ) : null}
            </View>
          </View>
        </View>
      ) : null}
    </View>
  )
}
