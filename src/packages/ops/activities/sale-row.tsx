import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import OpsStatGrid from '../../../components/ops-stat-grid'
import { soldPercent } from '../../../components/flash-sale-card'
import type { FlashSaleView } from '../../../core/contracts/flashsale'
import { formatPrice } from '../../../core/money'
import { saleStateLabel } from '../shared/labels'

const at = (ms: number) => dayjs(ms).format('MM-DD HH:mm')

/** A sale in the operator's list: state, price, when, and its live numbers. */
export default function SaleRow({ sale, onOpen }: { sale: FlashSaleView; onOpen: () => void }) {
  const state = saleStateLabel(sale)
  return (
    <View className='ops-row' data-testid={`ops-sale-${sale.saleId}`} onClick={onOpen}>
      <View className='ops-row__head'>
        <Text className='ops-row__title'>{sale.title}</Text>
        <Text className={`ops-tag ops-tag--${state.tone}`}>{state.label}</Text>
      </View>
      <Text className='ops-row__line'>
        {sale.skuName} · 秒杀价 {formatPrice(sale.salePrice)}（原价 {formatPrice(sale.listPrice)}）
      </Text>
      <Text className='ops-row__line'>
        {at(sale.startAt)} 至 {at(sale.endAt)} · 限购 {sale.perMemberLimit} 件
      </Text>
      <View className='ops-row__bar'>
        <View className='ops-row__bar-fill' style={{ width: `${soldPercent(sale)}%` }} />
      </View>
      <OpsStatGrid
        compact
        stats={[
          { key: 'sold', label: '已售', value: sale.sold, tone: 'accent' },
          { key: 'paid', label: '已支付', value: sale.paid, tone: 'good' },
          // An ended sale's unsold units went back to the product's stock: not 剩余 any more.
          sale.state === 'ENDED'
            ? { key: 'unsold', label: '未售出', value: sale.quantity - sale.sold }
            : { key: 'remaining', label: '剩余', value: sale.remaining },
          { key: 'quantity', label: '总量', value: sale.quantity }
        ]}
      />
    </View>
  )
}
