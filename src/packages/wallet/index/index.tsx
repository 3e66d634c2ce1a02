import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call, toastError } from '../../../api'
import PaySheet, { usePayment } from '../../../components/pay-sheet'
import StateView from '../../../components/state-view'
import type { PrincipalRefundView, StoreChargeView, WalletLedgerPage, WalletPlanView } from '../../../core/contracts/wallet'
import { formatPrice } from '../../../core/money'
import PlanGiftsLine from './plan-gifts-line'
import { useAsync } from '../../../utils/use-async'
import { newRequestId } from './requests'
import './index.scss'

const BUCKET_LABEL = { principal: '本金', gift: '赠送' } as const

const loadAll = async () => {
  const [balance, plans, ledger, refunds, charges] = await Promise.all([
    call('wallet', 'balance', {}),
    call('wallet', 'plans', {}),
    call('wallet', 'ledger', { pageSize: 20 }),
    call('wallet', 'myRefunds', {}),
    call('wallet', 'pendingCharges', {})
  ])
  return { balance, plans: plans.items, ledger, refunds: refunds.items, charges: charges.items }
}

const day = (ms: number) => {
  const d = new Date(ms + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}
const signed = (fen: number) => `${fen >= 0 ? '+' : '-'}${formatPrice(Math.abs(fen))}`

/** 我的储值: the balance by bucket, charges awaiting confirmation, top-up plans (充值), the ledger, principal refund. */
export default function WalletPage() {
  const page = useAsync(loadAll, false)
  const [more, setMore] = useState<WalletLedgerPage | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  useDidShow(() => void page.reload())
  usePullDownRefresh(() => void page.reload().finally(() => void Taro.stopPullDownRefresh()))

  const payment = usePayment({
    onSettled: (_orderId, outcome) => {
      if (outcome === 'paid' || outcome === 'pending') void page.reload()
    }
  })

  const topUp = useCallback(
    async (plan: WalletPlanView) => {
      if (busy) return
      setBusy(plan.planId)
      try {
        const { orderId } = await call('wallet', 'topUp', { planId: plan.planId, requestId: newRequestId('tu') })
        await payment.pay(orderId)
      } catch (error) {
        toastError(error)
      } finally {
        setBusy(null)
      }
    },
    [busy, payment]
  )

  const decide = async (charge: StoreChargeView, accept: boolean) => {
    setBusy(charge.chargeId)
    try {
      const done = await call('wallet', 'confirmCharge', { chargeId: charge.chargeId, accept })
      void Taro.showToast({ title: done.statusLabel, icon: done.status === 'DONE' ? 'success' : 'none' })
      await page.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(null)
    }
  }

  const askRefund = async (principalFen: number) => {
    const { confirm } = await Taro.showModal({
      title: '申请退还本金',
      content: `将原路退回本金 ${formatPrice(principalFen)}，剩余赠送金将按比例作废。审核通过后 1–3 个工作日到账。`,
      confirmText: '确认申请'
    })
    if (!confirm) return
    setBusy('refund')
    try {
      await call('wallet', 'requestRefund', { requestId: newRequestId('wr'), reason: '' })
      void Taro.showToast({ title: '已提交，等待审核', icon: 'none' })
      await page.reload()
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(null)
    }
  }

  const loadMore = async (cursor: string) => {
    try {
      const next = await call('wallet', 'ledger', { cursor, pageSize: 20 })
      setMore((m) => ({ items: [...(m?.items ?? []), ...next.items], nextCursor: next.nextCursor }))
    } catch (error) {
      toastError(error)
    }
  }

  if (page.status === 'loading') return <StateView state='loading' />
  if (page.status === 'error') return <StateView state='error' message={page.message} onRetry={() => void page.reload()} />
  const { balance, plans, ledger, refunds, charges } = page.data
  const entries = [...ledger.items, ...(more?.items ?? [])]
  const cursor = more ? more.nextCursor : ledger.nextCursor
  const openRefund: PrincipalRefundView | undefined = refunds.find((r) => r.status === 'PENDING' || r.status === 'APPROVED')
  const lastRefund: PrincipalRefundView | undefined = refunds[0]

  return (
    <View className='wallet-page'>
      <View className='wallet-page__card' data-testid='wallet-balance'>
        <Text className='wallet-page__label'>可用余额（元）</Text>
        <Text className='wallet-page__total' data-testid='wallet-total'>{formatPrice(balance.totalFen)}</Text>
        <View className='wallet-page__buckets'>
          <View className='wallet-page__bucket'>
            <Text className='wallet-page__bucket-label'>本金（可退）</Text>
            <Text className='wallet-page__bucket-value' data-testid='wallet-principal'>{formatPrice(balance.principalFen)}</Text>
          </View>
          <View className='wallet-page__bucket'>
            <Text className='wallet-page__bucket-label'>赠送金（优先使用）</Text>
            <Text className='wallet-page__bucket-value' data-testid='wallet-gift'>{formatPrice(balance.giftFen)}</Text>
          </View>
        </View>
        {balance.nextGiftExpiry ? (
          <Text className='wallet-page__expiry'>
            {formatPrice(balance.nextGiftExpiry.fen)} 赠送金将于 {day(balance.nextGiftExpiry.at)} 到期
          </Text>
        ) : null}
      </View>

      {charges.map((charge) => (
        <View key={charge.chargeId} className='wallet-page__confirm' data-testid='wallet-charge-confirm'>
          <Text className='wallet-page__confirm-title'>{charge.storeName} 申请扣款</Text>
          <Text className='wallet-page__confirm-amount'>{formatPrice(charge.amountFen)}</Text>
          <Text className='wallet-page__muted'>小票号 {charge.receiptNo} · 请确认是您本人在店消费</Text>
          <View className='wallet-page__confirm-actions'>
            <Button className='wallet-page__ghost' disabled={busy !== null} onClick={() => void decide(charge, false)}>
              拒绝
            </Button>
            <Button className='wallet-page__primary' disabled={busy !== null} loading={busy === charge.chargeId} onClick={() => void decide(charge, true)}>
              确认支付
            </Button>
          </View>
        </View>
      ))}

      <View className='wallet-page__section'>
        <Text className='wallet-page__section-title'>充值有礼</Text>
        {plans.length === 0 ? <StateView state='empty' message='暂无储值方案' /> : null}
        <View className='wallet-page__plans'>
          {plans.map((plan) => (
            <View key={plan.planId} className='wallet-page__plan' data-testid='wallet-plan'>
              <Text className='wallet-page__plan-pay'>{formatPrice(plan.payFen)}</Text>
              <PlanGiftsLine giftFen={plan.giftFen} giftPoints={plan.giftPoints} couponLabel={plan.giftCoupon?.label} />
              <Text className='wallet-page__muted'>{plan.title}</Text>
              <Button className='wallet-page__primary wallet-page__plan-btn' data-testid='wallet-topup' disabled={busy !== null || payment.starting} loading={busy === plan.planId} onClick={() => void topUp(plan)}>
                充值
              </Button>
            </View>
          ))}
        </View>
      </View>

      <View className='wallet-page__section'>
        <Text className='wallet-page__section-title'>余额明细</Text>
        {entries.length === 0 ? <StateView state='empty' message='还没有储值记录，充值后可在下单时使用余额支付' /> : null}
        <View data-testid='wallet-ledger'>
          {entries.map((entry) => (
            <View key={entry.id} className='wallet-page__entry'>
              <View className='wallet-page__entry-main'>
                <Text className='wallet-page__entry-title'>{entry.title}</Text>
                <Text className='wallet-page__muted'>
                  {BUCKET_LABEL[entry.bucket]} · {day(entry.createdAt)}
                </Text>
              </View>
              <Text className={`wallet-page__delta${entry.deltaFen >= 0 ? ' wallet-page__delta--in' : ''}`}>{signed(entry.deltaFen)}</Text>
            </View>
          ))}
        </View>
        {cursor ? (
          <Text className='wallet-page__more' onClick={() => void loadMore(cursor)}>
            查看更多
          </Text>
        ) : null}
      </View>

      <View className='wallet-page__section'>
        <Text className='wallet-page__section-title'>退还本金</Text>
        {openRefund ? (
          <Text className='wallet-page__muted' data-testid='wallet-refund-status'>
            {openRefund.statusLabel}：本金 {formatPrice(openRefund.principalFen)}，作废赠送金 {formatPrice(openRefund.giftForfeitFen)}
          </Text>
        ) : (
          <>
            {lastRefund ? (
              <Text className='wallet-page__muted' data-testid='wallet-refund-status'>
                上次申请{lastRefund.statusLabel}：本金 {formatPrice(lastRefund.principalFen)}
                {lastRefund.note ? `（${lastRefund.note}）` : ''}
              </Text>
            ) : null}
            <Text className='wallet-page__muted'>未使用的本金可申请原路退回；赠送金不可退，并按退还本金的比例作废。</Text>
            <Button className='wallet-page__ghost wallet-page__refund' disabled={busy !== null || balance.principalFen <= 0} loading={busy === 'refund'} onClick={() => void askRefund(balance.principalFen)}>
              申请退还本金
            </Button>
          </>
        )}
      </View>
      <PaySheet {...payment.sheetProps} />
    </View>
  )
}
