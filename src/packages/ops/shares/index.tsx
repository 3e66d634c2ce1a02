import { Text, View } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { call } from '../../../api'
import StateView from '../../../components/state-view'
import { SHARE_KIND_LABELS, type ShareKind } from '../../../core/growth/share'
import { formatFen } from '../../../core/money'
import { useAsync } from '../../../utils/use-async'
import OperatorGate from '../shared/operator-gate'
import '../shared/ops.scss'
import './index.scss'

const load = () => call('growth', 'shareStats', { limit: 50 })

/** 分享成交: which members' shares sold — opens, orders, GMV and refunds per sharer, by GMV. */
export default function OpsSharesPage() {
  return (
    <OperatorGate>
      <OpsShares />
    </OperatorGate>
  )
}

function OpsShares() {
  const stats = useAsync(load)
  usePullDownRefresh(() => {
    void stats.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  if (stats.status === 'loading') return <StateView state='loading' />
  if (stats.status === 'error') return <StateView state='error' message={stats.message} onRetry={() => void stats.reload()} />
  if (stats.data.rows.length === 0) return <StateView state='empty' message='还没有会员分享带来的访问' />

  return (
    <View className='ops-page shares'>
      <Text className='shares__note'>会员分享的商品、拼团、秒杀、直播卡片被好友打开后，好友在归因期内的付款订单计入分享人（按成交额排序）。</Text>
      <View data-testid='share-stats'>
        {stats.data.rows.map((row, index) => (
          <View key={`${row.memberId ?? row.nickname}-${index}`} className='ops-card shares__row' data-testid='share-row'>
            <View className='shares__head'>
              <Text className='shares__rank'>{index + 1}</Text>
              <Text className='shares__name'>{row.nickname}</Text>
              {row.memberId ? <Text className='shares__card'>卡号 {row.memberId}</Text> : null}
            </View>
            <View className='shares__figures'>
              <Figure label='打开' value={String(row.opens)} />
              <Figure label='成交单' value={String(row.orders)} />
              <Figure label='成交额' value={`¥${formatFen(row.gmvFen)}`} />
              <Figure label='退款' value={`¥${formatFen(row.refundedFen)}`} />
            </View>
            <Text className='shares__kinds'>
              打开来源：
              {(Object.entries(row.byKind) as Array<[ShareKind, number]>)
                .filter(([, n]) => n > 0)
                .map(([kind, n]) => `${SHARE_KIND_LABELS[kind]} ${n} 次`)
                .join(' · ') || '—'}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <View className='shares__figure'>
      <Text className='shares__value'>{value}</Text>
      <Text className='shares__label'>{label}</Text>
    </View>
  )
}
