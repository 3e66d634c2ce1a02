import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useState } from 'react'
import { call, toastError } from '../../../api'
import StateView from '../../../components/state-view'
import { formatPrice } from '../../../core/money'
import { useAsync } from '../../../utils/use-async'
import OperatorGate from '../shared/operator-gate'
import PlansSection from './plans-section'
import '../shared/ops.scss'
import './index.scss'

const loadAll = async () => {
  const [overview, plans, refunds] = await Promise.all([call('wallet', 'opsOverview', { days: 7 }), call('wallet', 'opsPlans', {}), call('wallet', 'opsRefunds', {})])
  return { overview, plans: plans.items, refunds: refunds.items }
}

/** 储值管理: the liability (balances held), top-ups and spending per day, principal refund requests to review, the plans (plans-section). */
export default function OpsWalletPage() {
  return (
    <OperatorGate>
      <OpsWallet />
    </OperatorGate>
  )
}

function OpsWallet() {
  // Loads on mount (behind the gate the page's first onShow has passed) and again on every later show.
  const page = useAsync(loadAll)
  const [busy, setBusy] = useState<string | null>(null)
  useDidShow(() => void page.reload())
  usePullDownRefresh(() => void page.reload().finally(() => void Taro.stopPullDownRefresh()))

  const review = async (refundId: string, decision: 'approve' | 'reject') => {
    setBusy(refundId)
    try {
      await call('wallet', 'reviewRefund', { refundId, decision, note: '' })
      await page.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(null)
    }
  }

  if (page.status === 'loading') return <StateView state='loading' />
  if (page.status === 'error') return <StateView state='error' message={page.message} onRetry={() => void page.reload()} />
  const { overview, plans, refunds } = page.data

  return (
    <View className='ops-wallet'>
      <View className='ops-wallet__card' data-testid='ops-wallet-liability'>
        <Text className='ops-wallet__title'>储值负债（顾客余额合计）</Text>
        <Text className='ops-wallet__big'>{formatPrice(overview.totalFen)}</Text>
        <Text className='ops-wallet__muted'>
          本金 {formatPrice(overview.principalFen)} · 赠送金 {formatPrice(overview.giftFen)} · {overview.accounts} 位会员有余额
        </Text>
      </View>

      <View className='ops-wallet__card'>
        <Text className='ops-wallet__title'>本金退款申请{overview.pendingRefunds > 0 ? `（${overview.pendingRefunds} 待审）` : ''}</Text>
        {refunds.length === 0 ? <Text className='ops-wallet__muted'>暂无申请</Text> : null}
        {refunds.map((r) => (
          <View key={r.refundId} className='ops-wallet__refund'>
            <Text className='ops-wallet__line'>
              {r.member} · 本金 {formatPrice(r.principalFen)} · 作废赠送 {formatPrice(r.giftForfeitFen)} · {r.statusLabel}
            </Text>
            {r.status === 'PENDING' ? (
              <View className='ops-wallet__actions'>
                <Button className='ops-wallet__ghost' disabled={busy !== null} onClick={() => void review(r.refundId, 'reject')}>
                  驳回
                </Button>
                <Button className='ops-wallet__primary' disabled={busy !== null} loading={busy === r.refundId} onClick={() => void review(r.refundId, 'approve')}>
                  同意并原路退回
                </Button>
              </View>
            ) : null}
          </View>
        ))}
      </View>

      <PlansSection plans={plans} reload={page.reload} />

      <View className='ops-wallet__card'>
        <Text className='ops-wallet__title'>近 7 天</Text>
        <View className='ops-wallet__row ops-wallet__row--head'>
          <Text className='ops-wallet__cell'>日期</Text>
          <Text className='ops-wallet__cell'>充值</Text>
          <Text className='ops-wallet__cell'>赠送</Text>
          <Text className='ops-wallet__cell'>消费</Text>
          <Text className='ops-wallet__cell'>退款</Text>
        </View>
        {overview.days.map((d) => (
          <View key={d.day} className='ops-wallet__row'>
            <Text className='ops-wallet__cell'>{d.day.slice(5)}</Text>
            <Text className='ops-wallet__cell'>{formatPrice(d.topUpFen)}</Text>
            <Text className='ops-wallet__cell'>{formatPrice(d.giftFen)}</Text>
            <Text className='ops-wallet__cell'>{formatPrice(d.spentFen)}</Text>
            <Text className='ops-wallet__cell'>{formatPrice(d.refundedFen)}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
