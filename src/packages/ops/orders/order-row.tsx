import { Text, View } from '@tarojs/components'
import type { OpsOrderRow } from '../../../core/contracts/order-ops'
import { formatPrice } from '../../../core/money'
import { pointsPriceText } from '../../../core/mall/order-display'
import { shanghaiMinute } from './date-range'

interface Props {
  row: OpsOrderRow
  selecting: boolean
  selected: boolean
  onToggle: () => void
  onOpen: () => void
}

const TONE: Record<string, string> = {
  PAID: 'live',
  READY_FOR_PICKUP: 'live',
  REFUND_REQUESTED: 'scheduled',
  REFUNDING: 'scheduled',
  COMPLETED: 'done',
  SHIPPED: 'done'
}

/** One order of the operator's list: on a phone a card, on a wide screen a table row (index.scss). */
export default function OrderRow({ row, selecting, selected, onToggle, onOpen }: Props) {
  const selectable = selecting && row.canShip
  return (
    <View className={`ops-orders__row${selected ? ' ops-orders__row--on' : ''}`} data-testid={`ops-order-${row.orderId}`}>
      {selecting ? (
        <View className='ops-orders__cell ops-orders__cell--check' onClick={() => selectable && onToggle()}>
          <Text
            className={`ops-orders__check${selected ? ' ops-orders__check--on' : ''}${selectable ? '' : ' ops-orders__check--off'}`}
            data-testid={`ops-order-check-${row.orderId}`}
          >
            {selected ? '✓' : ''}
          </Text>
        </View>
      ) : null}
      <View className='ops-orders__main' onClick={onOpen}>
        <View className='ops-orders__cell ops-orders__cell--no'>
          <Text className='ops-orders__no'>{row.orderNo}</Text>
          <Text className='ops-orders__time'>{shanghaiMinute(row.createdAt)}</Text>
        </View>
        <View className='ops-orders__cell ops-orders__cell--customer'>
          <Text className='ops-orders__name'>{row.customerName}</Text>
          <Text className='ops-orders__sub'>{row.customerPhone ?? ''}</Text>
        </View>
        <View className='ops-orders__cell ops-orders__cell--items'>
          <Text className='ops-orders__items'>{row.itemsSummary}</Text>
          <Text className='ops-orders__sub'>
            {row.kindLabel} · {row.storeName ?? '快递配送'}
          </Text>
        </View>
        <View className='ops-orders__cell ops-orders__cell--amount'>
          <Text className='ops-orders__amount'>{row.points > 0 ? pointsPriceText(row.points, row.payable) : formatPrice(row.payable)}</Text>
          {row.refunded > 0 ? <Text className='ops-orders__sub'>已退 {formatPrice(row.refunded)}</Text> : null}
        </View>
        <View className='ops-orders__cell ops-orders__cell--status'>
          <Text className={`ops-tag ops-tag--${TONE[row.status] ?? 'off'}`}>{row.statusLabel}</Text>
        </View>
      </View>
    </View>
  )
}
