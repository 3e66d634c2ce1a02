import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { toastError } from '../../api'
import StateView from '../../components/state-view'
import { allSelected, selectedCount, selectedTotal, useCartStore } from '../../stores/cart'
import { syncCartBadge } from '../../utils/cart-badge'
import { cartCheckoutUrl, HOME_URL } from '../../utils/routes'
import CartLine from './cart-line'
import CartFooter from './cart-footer'
import './index.scss'

/** The server-side cart: select lines, change quantities, remove, go to checkout. */
export default function CartPage() {
  const cart = useCartStore()

  // Every visit shows the server's cart: other pages and devices change it.
  useDidShow(() => {
    void useCartStore
      .getState()
      .load()
      .then(() => syncCartBadge(useCartStore.getState().count))
  })

  usePullDownRefresh(() => {
    void useCartStore
      .getState()
      .load()
      .then((ok) => {
        if (!ok) toastError(new Error())
      })
      .finally(() => Taro.stopPullDownRefresh())
  })

  const run = (write: Promise<void>) => write.catch(toastError)

  const confirmRemove = async (skuIds: string[], content: string) => {
    const answer = await Taro.showModal({ title: '删除商品', content, confirmText: '删除', confirmColor: '#e4393c' })
    if (answer.confirm) await run(cart.remove(skuIds))
  }

  if (cart.status === 'idle' || cart.status === 'loading') return <StateView state='loading' />
  if (cart.status === 'error') return <StateView state='error' message={cart.error ?? undefined} onRetry={() => void cart.load()} />
  if (cart.lines.length === 0) {
    return (
      <StateView
        state='empty'
        message='购物车还是空的，去挑几件好物吧'
        actionText='去首页逛逛'
        onAction={() => void Taro.switchTab({ url: HOME_URL })}
      />
    )
  }

  const unavailable = cart.lines.filter((line) => !line.available && line.problem !== 'INSUFFICIENT_STOCK')
  const count = selectedCount(cart)
  const checkout = () => {
    if (cart.selectedSkuIds.length === 0) return
    void Taro.navigateTo({ url: cartCheckoutUrl(cart.selectedSkuIds) })
  }

  return (
    <View className='cart'>
      <View className='cart__head'>
        <Text className='cart__head-text'>共 {cart.count} 件商品</Text>
        {unavailable.length > 0 ? (
          <Text
            className='cart__head-action'
            onClick={() => void confirmRemove(unavailable.map((l) => l.skuId), `清除 ${unavailable.length} 件失效商品？`)}
          >
            清除失效商品
          </Text>
        ) : null}
      </View>
      <View className='cart__lines'>
        {cart.lines.map((line) => (
          <CartLine
            key={line.skuId}
            line={line}
            selected={cart.selectedSkuIds.includes(line.skuId)}
            pending={cart.pendingSkuIds.includes(line.skuId)}
            onToggle={() => cart.toggle(line.skuId)}
            onQuantity={(quantity) => void run(cart.update(line.skuId, quantity))}
            onRemove={() => void confirmRemove([line.skuId], `确定删除「${line.productName || '该商品'}」吗？`)}
          />
        ))}
      </View>
      <CartFooter
        allSelected={allSelected(cart)}
        canSelect={cart.lines.some((line) => line.available)}
        total={selectedTotal(cart)}
        count={count}
        onToggleAll={() => cart.selectAll(!allSelected(cart))}
        onCheckout={checkout}
      />
    </View>
  )
}
