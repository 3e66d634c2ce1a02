import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { CartLineView } from '../../core/contracts/cart'
import Price from '../../components/price'
import QuantityStepper from '../../components/quantity-stepper'
import { maxQuantityFor } from '../../utils/limits'
import { productUrl } from '../../utils/routes'
import CheckMark from './check-mark'
import { problemLabel } from './problems'
import CloudImage from '../../components/cloud-image'

export interface CartLineProps {
  line: CartLineView
  selected: boolean
  pending: boolean
  onToggle: () => void
  onQuantity: (quantity: number) => void
  onRemove: () => void
}

/** One cart line: tick, image, names, current price, quantity, what is wrong with it. */
export default function CartLine({ line, selected, pending, onToggle, onQuantity, onRemove }: CartLineProps) {
  const problem = problemLabel(line)
  // Too many for the stock left: the stepper may still go down to what is left.
  const canChangeQuantity = line.available || line.problem === 'INSUFFICIENT_STOCK'
  const openProduct = () => {
    if (line.productId) void Taro.navigateTo({ url: productUrl(line.productId) })
  }
  return (
    <View className={`cart__line${line.available ? '' : ' cart__line--unavailable'}`} data-testid={`line-${line.skuId}`}>
      <CheckMark checked={selected} disabled={!line.available || pending} onToggle={onToggle} testId={`check-${line.skuId}`} />
      <View className='cart__media' onClick={openProduct}>
        {line.image ? <CloudImage className='cart__image' src={line.image} mode='aspectFill' /> : <View className='cart__image' />}
        {line.problem && line.problem !== 'INSUFFICIENT_STOCK' ? <Text className='cart__media-tag'>{problem}</Text> : null}
      </View>
      <View className='cart__info'>
        <Text className='cart__name' onClick={openProduct}>
          {line.productName || '商品已失效'}
        </Text>
        {line.skuName ? <Text className='cart__sku'>{line.skuName}</Text> : null}
        {problem ? <Text className='cart__problem'>{problem}</Text> : null}
        <View className='cart__row'>
          <Price fen={line.price} size='md' />
          <QuantityStepper
            value={line.quantity}
            min={1}
            max={Math.max(1, maxQuantityFor(line.stock))}
            onChange={onQuantity}
            disabled={!canChangeQuantity || pending}
          />
        </View>
        <Text className='cart__remove' onClick={pending ? undefined : onRemove}>
          删除
        </Text>
      </View>
    </View>
  )
}
