import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import LoadMore from '../../../components/load-more'
import { opsOrderUrl } from '../../../components/ops-entry/links'
import type { StockEntryView } from '../../../core/contracts/stock'
import { signed, stockTime } from './format'

export interface LedgerTimelineProps {
  entries: StockEntryView[]
  hasMore: boolean
  loading: boolean
  failed: boolean
  onMore: () => void
}

/** 库存流水: newest first, what changed, by how much, why, and the order it belongs to. */
export default function LedgerTimeline({ entries, hasMore, loading, failed, onMore }: LedgerTimelineProps) {
  return (
    <View className='ops-card ops-stock-ledger' data-testid='stock-ledger'>
      <Text className='ops-card__title'>库存流水</Text>
      {entries.length === 0 ? <Text className='ops-stock-ledger__empty'>还没有库存变动</Text> : null}
      {entries.map((entry) => (
        <View key={entry.id} className='ops-stock-ledger__entry' data-testid='stock-entry'>
          <View className='ops-stock-ledger__dot' />
          <View className='ops-stock-ledger__body'>
            <View className='ops-stock-ledger__line'>
              <Text className={`ops-stock-ledger__kind ops-stock-ledger__kind--${entry.kind}`}>{entry.label}</Text>
              <Text className={`ops-stock-ledger__delta ops-stock-ledger__delta--${entry.delta >= 0 ? 'in' : 'out'}`}>{signed(entry.delta)}</Text>
            </View>
            {entry.reason ? <Text className='ops-stock-ledger__reason'>{entry.reason}</Text> : null}
            {entry.orderId ? (
              <Text
                className='ops-stock-ledger__order'
                data-testid='stock-entry-order'
                onClick={() => void Taro.navigateTo({ url: opsOrderUrl(entry.orderId!) })}
              >
                订单 {entry.orderNo ?? '查看'}
              </Text>
            ) : null}
            <Text className='ops-stock-ledger__time'>{stockTime(entry.at)}</Text>
          </View>
        </View>
      ))}
      {entries.length > 0 ? <LoadMore hasMore={hasMore} loading={loading} error={failed ? '加载失败' : null} onRetry={onMore} doneText='没有更早的流水了' /> : null}
    </View>
  )
}
