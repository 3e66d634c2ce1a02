import { Text, View } from '@tarojs/components'
import type { StatsKindFigures } from '../../../core/contracts/stats'
import { formatPrice } from '../../../core/money'
import { ORDER_KIND_LABELS } from '../../../core/order/kind'

/** 成交构成: GMV and paid orders per kind of order, largest first, with its share of the total. */
export default function KindBreakdown({ kinds, gmvFen }: { kinds: StatsKindFigures[]; gmvFen: number }) {
  const sorted = [...kinds].sort((a, b) => b.gmvFen - a.gmvFen)
  return (
    <View className='ops-kinds'>
      {sorted.map((kind) => {
        const share = gmvFen > 0 ? Math.round((kind.gmvFen / gmvFen) * 1000) / 10 : 0
        return (
          <View key={kind.kind} className='ops-kinds__row' data-testid={`kind-${kind.kind}`}>
            <View className='ops-kinds__head'>
              <Text className='ops-kinds__name'>{ORDER_KIND_LABELS[kind.kind]}</Text>
              <Text className='ops-kinds__figures'>
                {formatPrice(kind.gmvFen)} · {kind.paidOrders} 单 · {share}%
              </Text>
            </View>
            <View className='ops-kinds__bar'>
              <View className='ops-kinds__fill' style={{ width: `${share}%` }} />
            </View>
          </View>
        )
      })}
    </View>
  )
}
