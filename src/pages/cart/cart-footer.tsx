import { View, Text, Button } from '@tarojs/components'
import type { Fen } from '../../core/money'
import Price from '../../components/price'
import CheckMark from './check-mark'

export interface CartFooterProps {
  allSelected: boolean
  canSelect: boolean
  total: Fen
  count: number
  onToggleAll: () => void
  onCheckout: () => void
}

// `disabled` only when true: Taro H5 renders disabled={false} as disabled="false" (see buy-bar).

/** 全选, 合计 (selected lines, in fen) and 去结算. */
export default function CartFooter({ allSelected, canSelect, total, count, onToggleAll, onCheckout }: CartFooterProps) {
  return (
    <View className='cart__footer'>
      <View className='cart__all' onClick={canSelect ? onToggleAll : undefined}>
        <CheckMark checked={allSelected} disabled={!canSelect} onToggle={onToggleAll} testId='check-all' />
        <Text className='cart__all-label'>全选</Text>
      </View>
      <View className='cart__total'>
        <Text className='cart__total-label'>合计：</Text>
        <Price fen={total} size='lg' />
      </View>
      <Button className={`cart__checkout${count === 0 ? ' cart__checkout--off' : ''}`} disabled={count === 0 || undefined} onClick={onCheckout}>
        去结算{count > 0 ? `(${count})` : ''}
      </Button>
    </View>
  )
}
