import { Text, View } from '@tarojs/components'
import OpsStatGrid from '../../../components/ops-stat-grid'
import type { LiveRoomSales } from '../../../core/contracts/live'
import { formatPrice } from '../../../core/money'

/** A live room's paid sales: orders and amount. */
export default function RoomSalesRow({ room }: { room: LiveRoomSales }) {
  return (
    <View className='ops-row' data-testid={`ops-live-${room.roomId}`}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{room.title}</Text>
      </View>
      <OpsStatGrid
        compact
        stats={[
          { key: 'orders', label: '支付订单', value: room.orders },
          { key: 'paid', label: '实付金额', value: formatPrice(room.paidAmount), tone: 'accent' }
        ]}
      />
    </View>
  )
}
