import { Text, View } from '@tarojs/components'
import FlashCountdown from '../../../components/flash-countdown'
import { soldPercent } from '../../../components/flash-sale-card'
import OpsStatGrid from '../../../components/ops-stat-grid'
import type { FlashSaleStats, FlashSaleView } from '../../../core/contracts/flashsale'
import { formatPrice } from '../../../core/money'
import { saleStateLabel } from '../shared/labels'

interface Props {
  sale: FlashSaleView
  stats: FlashSaleStats
  onTimeUp: () => void
}

/** Title, state, the time to the start or the end, and the live numbers. */
export default function SaleHeader({ sale, stats, onTimeUp }: Props) {
  const state = saleStateLabel({ state: stats.state, stoppedAt: sale.stoppedAt })
  return (
    <View className='ops-card ops-sale__head'>
      <View className='ops-sale__title-row'>
        <Text className='ops-sale__title'>{sale.title}</Text>
        <Text className={`ops-tag ops-tag--${state.tone}`} data-testid='ops-sale-state'>
          {state.label}
        </Text>
      </View>
      <View className='ops-sale__clock'>
        {stats.state === 'SCHEDULED' ? <FlashCountdown deadline={sale.startAt} prefix='距开始' farLabel='开始' onEnd={onTimeUp} /> : null}
        {stats.state === 'LIVE' ? <FlashCountdown deadline={sale.endAt} prefix='距结束' farLabel='结束' onEnd={onTimeUp} /> : null}
      </View>
      <View className='ops-sale__bar'>
        <View className='ops-sale__bar-fill' style={{ width: `${soldPercent(stats)}%` }} />
      </View>
      <OpsStatGrid
        stats={[
          { key: 'revenue', label: '成交额', value: formatPrice(stats.paidFen ?? 0), tone: 'accent' },
          { key: 'buyers', label: '支付人数', value: stats.paidBuyers ?? 0, tone: 'good' },
          { key: 'sold', label: '已售', value: stats.sold, tone: 'accent' },
          { key: 'paid', label: '已支付', value: stats.paid, tone: 'good' },
          { key: 'remaining', label: '剩余', value: stats.remaining },
          { key: 'pending', label: '待支付', value: stats.pendingOrders },
          { key: 'reminders', label: '提醒人数', value: stats.reminders },
          { key: 'returned', label: '退回库存', value: stats.returned }
        ]}
      />
    </View>
  )
}
