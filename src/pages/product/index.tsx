import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { ApiError, call, errorMessage } from '../../api'
import type { ProductDetail } from '../../core/contracts/catalog'
import StateView from '../../components/state-view'
import Skeleton from '../../components/skeleton'
import Price from '../../components/price'
import PosterEntry from '../../components/poster-entry'
import QuantityStepper from '../../components/quantity-stepper'
import { useCartStore } from '../../stores/cart'
import { MAX_LINE_QUANTITY } from '../../utils/limits'
import { buyNowUrl, CART_URL, HOME_URL } from '../../utils/routes'
import Gallery from './gallery'
import DetailImages from './detail-images'
import SkuChooser from './sku-chooser'
import BuyBar from './buy-bar'
import ProductCoupons from './coupons'
import { quantityLimit } from './quantity-limit'
import { useAddToCart } from './use-add-to-cart'
import { withSharer } from '../../utils/invite'
import './index.scss'

type ProductState =
  | { status: 'loading' }
  | { status: 'missing'; message: string }
  | { status: 'error'; message: string }
  | { status: 'ready'; product: ProductDetail }

/** Codes that mean there is nothing to show: retrying will not help. */
const MISSING_CODES = ['PRODUCT_NOT_FOUND', 'PRODUCT_OFF_SALE', 'INVALID_ARGUMENT']

export default function ProductPage() {
  const { params } = useRouter()
  const productId = params.id ?? ''
  // Opened from a live room (直播间 去购买): a purchase from here is attributed to that room.
  const liveRoomId = params.liveRoomId ? decodeURIComponent(params.liveRoomId) : undefined
  const [state, setState] = useState<ProductState>({ status: 'loading' })
  const [skuId, setSkuId] = useState<string | null>(null)
  const [quantity, setQuantity] = useState(1)
  const cartCount = useCartStore((s) => s.count)
  const { adding, addToCart } = useAddToCart(skuId, quantity)

  const load = useCallback(async () => {
    if (!productId) {
      setState({ status: 'missing', message: '没有找到这件商品' })
      return
    }
    setState({ status: 'loading' })
    try {
      const product = await call('catalog', 'productDetail', { productId })
      setState({ status: 'ready', product })
      setSkuId(product.skus.find((s) => !s.soldOut)?._id ?? null)
      setQuantity(1)
      void Taro.setNavigationBarTitle({ title: product.name })
    } catch (error) {
      const missing = error instanceof ApiError && MISSING_CODES.includes(error.code)
      setState({ status: missing ? 'missing' : 'error', message: errorMessage(error) })
    }
  }, [productId])

  useEffect(() => {
    void load()
  }, [load])

  // weapp: the share card names the product and shows its picture.
  useShareAppMessage(() => {
    const shown = state.status === 'ready' ? state.product : null
    return { title: shown ? shown.name : '私域商城', path: withSharer(`/pages/product/index?id=${encodeURIComponent(productId)}`), imageUrl: shown?.image ?? undefined }
  })

  useEffect(() => {
    const cart = useCartStore.getState()
    if (cart.status === 'idle') void cart.load()
  }, [])

  if (state.status === 'loading') return <Skeleton layout='product' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void load()} />
  if (state.status === 'missing') {
    return <StateView state='empty' message={state.message} actionText='去首页逛逛' onAction={() => void Taro.switchTab({ url: HOME_URL })} />
  }

  const { product } = state
  const sku = product.skus.find((s) => s._id === skuId) ?? null
  const soldOut = product.soldOut || product.skus.every((s) => s.soldOut)
  const perOrder = product.maxPerOrder ?? MAX_LINE_QUANTITY
  const limit = sku ? quantityLimit(sku.stock, perOrder) : { max: 1, reason: '' }
  const price = sku ? sku.price : product.price
  const member = product.memberPrice
  const memberPrice = member ? (sku ? member.skuPrices[sku._id] ?? member.price : member.price) : null
  const images = product.images.length > 0 ? product.images : product.image ? [product.image] : []

  const chooseSku = (id: string) => {
    setSkuId(id)
    const chosen = product.skus.find((s) => s._id === id)
    if (chosen) setQuantity((q) => Math.max(1, Math.min(q, quantityLimit(chosen.stock, perOrder).max)))
  }

  return (
    <View className='product'>
      <Gallery images={images} soldOut={soldOut} />

      <View className='product__card product__summary'>
        <View className='product__prices'>
          <Price fen={price} size='lg' />
          {product.listPrice > price ? <Price fen={product.listPrice} size='sm' strike className='product__list-price' /> : null}
          {soldOut ? <Text className='product__sold-out'>已售罄</Text> : null}
        </View>
        {member && memberPrice !== null && memberPrice < price ? (
          <View className='product__member-price' data-testid='product-member-price'>
            <Text className='product__member-tag'>{member.tierName}价</Text>
            <Price fen={memberPrice} size='sm' />
          </View>
        ) : null}
        <Text className='product__name'>{product.name}</Text>
        {product.subtitle ? <Text className='product__subtitle'>{product.subtitle}</Text> : null}
        {product.salesCount > 0 ? <Text className='product__sales' data-testid='product-sales'>已售 {product.salesCount} 件</Text> : null}
      </View>

      <PosterEntry kind='product' id={product._id} />
      <ProductCoupons product={product} />

      {product.skus.length > 0 ? (
        <View className='product__card'>
          <Text className='product__label'>规格</Text>
          <SkuChooser skus={product.skus} selectedId={skuId} onSelect={chooseSku} />
          <View className='product__quantity'>
            <Text className='product__label product__label--inline'>数量</Text>
            <View className='product__quantity-right'>
              {sku ? <Text className='product__stock'>库存 {sku.stock} 件</Text> : null}
              <QuantityStepper
                value={quantity}
                min={1}
                max={Math.max(1, limit.max)}
                onChange={setQuantity}
                disabled={!sku || soldOut}
                onLimit={() => void Taro.showToast({ title: limit.reason, icon: 'none' })}
              />
            </View>
          </View>
          {sku && !sku.soldOut && quantity >= limit.max ? (
            <Text className='product__limit' data-testid='product-quantity-limit'>
              {limit.reason}
            </Text>
          ) : null}
        </View>
      ) : null}

      {product.description || (product.detailImages ?? []).length > 0 ? (
        <View className='product__card'>
          <Text className='product__label'>商品详情</Text>
          {product.description ? <Text className='product__description'>{product.description}</Text> : null}
          <DetailImages images={product.detailImages ?? []} />
        </View>
      ) : null}

      <BuyBar
        soldOut={soldOut}
        disabled={!sku || sku.soldOut}
        adding={adding}
        cartCount={cartCount}
        onCart={() => void Taro.switchTab({ url: CART_URL })}
        onAdd={() => void addToCart()}
        onBuyNow={() => {
          if (sku && !sku.soldOut) void Taro.navigateTo({ url: buyNowUrl(sku._id, quantity, liveRoomId) })
        }}
      />
    </View>
  )
}
