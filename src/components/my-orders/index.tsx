import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { OrderStatus } from '../../core/order/status'
import SectionTitle from '../section-title'
import { ordersUrl } from '../../utils/routes'
import './index.scss'

/** The statuses a customer looks for, each opening the order list filtered by it. */
export const ORDER_SHORTCUTS: Array<{ status: OrderStatus; label: string; glyph: string }> = [
  { status: 'PENDING_PAYMENT', label: '待支付', glyph: '付' },
  { status: 'PAID', label: '待发货', glyph: '发' },
  { status: 'READY_FOR_PICKUP', label: '待自提', glyph: '提' },
  { status: 'COMPLETED', label: '已完成', glyph: '完' },
  { status: 'REFUNDING', label: '退款', glyph: '退' }
]

export interface MyOrdersProps {
  /** Orders per status; no badges while unknown. */
  counts?: Partial<Record<OrderStatus, number>>
  /** Counts are lower bounds ("n+"). */
  truncated?: boolean
}

/** 我的订单: shortcuts by status with their counts, and 全部订单. */
export default function MyOrders({ counts, truncated = false }: MyOrdersProps) {
  return (
    <View className='my-orders'>
      <SectionTitle title='我的订单' extra='全部订单 ›' onExtra={() => void Taro.navigateTo({ url: ordersUrl() })} />
      <View className='my-orders__row'>
        {ORDER_SHORTCUTS.map((shortcut) => {
          const count = counts?.[shortcut.status] ?? 0
          return (
            <View
              key={shortcut.status}
              className='my-orders__item'
              data-testid={`orders-${shortcut.status}`}
              onClick={() => void Taro.navigateTo({ url: ordersUrl(shortcut.status) })}
            >
              <View className='my-orders__icon'>
                <Text>{shortcut.glyph}</Text>
                {count > 0 ? <Text className='my-orders__badge'>{count > 99 ? '99+' : `${count}${truncated ? '+' : ''}`}</Text> : null}
              </View>
              <Text className='my-orders__label'>{shortcut.label}</Text>
            </View>
          )
        })}
      </View>
    </View>
  )
}
