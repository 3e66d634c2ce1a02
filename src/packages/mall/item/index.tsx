import { Text, View } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import StateView from '../../../components/state-view'
import PaySheet from '../../../components/pay-sheet'
import { usePickupStores } from '../../../components/store-picker'
import { MALL_URL } from '../../../components/mall-entries/links'
import type { DeliveryAddress } from '../../../core/order/types'
import { EMPTY_ADDRESS, loadLastAddress, trimAddress } from '../../trade/checkout/address'
import { useAddressErrors } from '../../trade/checkout/use-address-errors'
import type { FulfillmentType } from '../../trade/checkout/fulfillment-switch'
import { usePointsBalance } from '../shared/use-points-balance'
import FulfillmentCard from './fulfillment-card'
import { useMallItem } from './use-mall-item'
import ItemSummary from './item-summary'
import RedeemBar, { redeemBlock } from './redeem-bar'
import { useRedeem, type RedeemProblem } from './use-redeem'
import './index.scss'

const MEMBER_TAB = '/pages/member/index'

/** 兑换详情: the item, where goods go, and 立即兑换. */
export default function MallItemPage() {
  const itemId = (useRouter().params.id ?? '').trim()
  const item = useMallItem(itemId)
  const balance = usePointsBalance()
  const [problem, setProblem] = useState<RedeemProblem | null>(null)
  const [fulfillmentType, setFulfillmentType] = useState<FulfillmentType>('pickup')
  const [address, setAddress] = useState<DeliveryAddress>(() => loadLastAddress() ?? EMPTY_ADDRESS)
  const pickup = usePickupStores(item.state.status === 'ready' && item.state.item.needsFulfillment && fulfillmentType === 'pickup')
  const addressCheck = useAddressErrors(address)

  useDidShow(() => void balance.reload())

  const onRefused = useCallback(
    (refusal: RedeemProblem) => {
      setProblem(refusal)
      // What the page showed was stale: read the item and the balance again.
      void item.reload()
      void balance.reload()
    },
    [item.reload, balance.reload]
  )
  const { redeem, submitting, sheetProps } = useRedeem(onRefused)

  if (item.state.status === 'loading') return <StateView state='loading' />
  if (item.state.status === 'error') return <StateView state='error' message={item.state.message} onRetry={() => void item.reload()} />
  if (item.state.status === 'missing') {
    return <StateView state='empty' message={item.state.message} actionText='去积分商城' onAction={() => void Taro.redirectTo({ url: MALL_URL })} />
  }

  const detail = item.state.item
  const block = redeemBlock(detail, balance.state)
  const shortBy = balance.state.status === 'ready' ? detail.pointsPrice - balance.state.balance : 0

  const onRedeem = () => {
    if (submitting) return
    setProblem(null)
    if (!detail.needsFulfillment) {
      void redeem(detail, { label: null })
      return
    }
    if (fulfillmentType === 'pickup') {
      if (!pickup.chosen) {
        void Taro.showToast({ title: '请选择自提门店', icon: 'none' })
        return
      }
      void redeem(detail, { fulfillment: { type: 'pickup', storeId: pickup.chosen.storeId }, label: `到店自提 · ${pickup.chosen.name}` })
      return
    }
    // Each field says what it lacks, under it.
    if (!addressCheck.reveal()) return
    const to = trimAddress(address)
    void redeem(detail, { fulfillment: { type: 'delivery', address: to }, label: `快递至 ${to.region} ${to.detail}` })
  }

  return (
    <View className='mall-item'>
      <ItemSummary item={detail} />

      {problem ? (
        <View className='mall-item__problem' data-testid='redeem-problem'>
          <Text>{problem.message}</Text>
        </View>
      ) : block === 'points' ? (
        <View className='mall-item__problem' data-testid='redeem-problem'>
          <Text>积分不足，还差 {shortBy} 积分。每日签到、购物都能攒积分</Text>
        </View>
      ) : null}

      {detail.needsFulfillment ? (
        <FulfillmentCard type={fulfillmentType} address={address} onType={setFulfillmentType} onAddress={setAddress} pickup={pickup} disabled={submitting} addressCheck={addressCheck} />
      ) : null}

      {detail.description ? (
        <View className='mall-item__card'>
          <Text className='mall-item__label'>兑换说明</Text>
          <Text className='mall-item__description'>{detail.description}</Text>
        </View>
      ) : null}

      <RedeemBar
        block={block}
        balance={balance.state}
        submitting={submitting}
        onRedeem={onRedeem}
        onJoin={() => void Taro.switchTab({ url: MEMBER_TAB })}
      />
      <PaySheet {...sheetProps} />
    </View>
  )
}
