import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { ApiError, call, toastError } from '../../../api'
import CloudImage from '../../../components/cloud-image'
import PaySheet, { usePayment } from '../../../components/pay-sheet'
import Price from '../../../components/price'
import QuantityStepper from '../../../components/quantity-stepper'
import Skeleton from '../../../components/skeleton'
import StateView from '../../../components/state-view'
import { pickupDateLabel } from '../../../core/community/activity'
import type { CommunityActivityView, CommunityItemView } from '../../../core/contracts/community'
import { IntentKey } from '../../../utils/intent-key'
import { orderUrl } from '../../../utils/routes'
import { useAsync } from '../../../utils/use-async'
import { shanghaiTime } from '../shared/format'
import PointPicker from './point-picker'
import { usePickupPoints } from './use-points'
import '../shared/community.scss'
import './index.scss'

const CLOSED_TEXT = { NOT_STARTED: '活动尚未开始', CUT_OFF: '已截单', CLOSED: '活动已结束' } as const
/** Refusals after which the activity is read again (its window or stock changed). */
const RELOAD_ON = ['COMMUNITY_ACTIVITY_CLOSED', 'COMMUNITY_ACTIVITY_NOT_STARTED', 'OUT_OF_STOCK', 'COMMUNITY_SKU_NOT_IN_ACTIVITY', 'LEADER_NOT_APPROVED']

/** A community activity: its products with steppers, the pickup point (nearest or last used), 提交订单 and payment. */
export default function CommunityActivityPage() {
  const activityId = useRouter().params.id ?? ''
  const load = useCallback(() => call('community', 'activity', { activityId }), [activityId])
  const activity = useAsync(load)
  const points = usePickupPoints()

  if (activity.status === 'loading') return <Skeleton layout='list' />
  if (activity.status === 'error') return <StateView state='error' message={activity.message} onRetry={() => void activity.reload()} />
  return <ActivityOrder activity={activity.data} points={points} reload={activity.reload} />
}

function ActivityOrder({ activity, points, reload }: { activity: CommunityActivityView; points: ReturnType<typeof usePickupPoints>; reload: () => Promise<void> }) {
  const [quantities, setQuantities] = useState<Record<string, number>>({})
  const [submitting, setSubmitting] = useState(false)
  const intentKey = useRef(new IntentKey()).current
  const busy = useRef(false)
  const payment = usePayment({
    onSettled: (orderId) => {
      intentKey.renew()
      busy.current = false
      setSubmitting(false)
      void Taro.redirectTo({ url: orderUrl(orderId) })
    },
  })

  const lines = activity.items.filter((item) => (quantities[item.skuId] ?? 0) > 0).map((item) => ({ skuId: item.skuId, quantity: quantities[item.skuId] }))
  const total = activity.items.reduce((sum, item) => sum + item.price * (quantities[item.skuId] ?? 0), 0)
  const closed = activity.closedReason
  const canOrder = !closed && lines.length > 0 && points.chosen !== null && !submitting

  const submit = async () => {
    if (busy.current) return
    if (!points.chosen) return void Taro.showToast({ title: '请选择自提点', icon: 'none' })
    if (lines.length === 0) return void Taro.showToast({ title: '请选择商品数量', icon: 'none' })
    busy.current = true
    setSubmitting(true)
    const draft = { activityId: activity.activityId, leaderId: points.chosen.leaderId, items: lines }
    let orderId: string
    try {
      orderId = (await call('community', 'placeOrder', { ...draft, requestId: intentKey.for(draft) }))._id
    } catch (error) {
      busy.current = false
      setSubmitting(false)
      if (error instanceof ApiError && !error.isNetwork) intentKey.renew()
      toastError(error)
      if (error instanceof ApiError && RELOAD_ON.includes(error.code)) void reload()
      return
    }
    await payment.pay(orderId)
  }

  return (
    <View className='cm-page cm-activity'>
      <View className='cm-card cm-activity__head'>
        <Text className='cm-activity__title'>{activity.title}</Text>
        {activity.description ? <Text className='cm-card__line'>{activity.description}</Text> : null}
        <View className='cm-activity__times'>
          <Text className={`cm-tag${closed ? ' cm-tag--off' : ' cm-tag--warn'}`} data-testid='community-cutoff'>
            {closed ? CLOSED_TEXT[closed] : `${shanghaiTime(activity.cutoffAt)} 截单`}
          </Text>
          <Text className='cm-tag'>{`${pickupDateLabel(activity.pickupDate)} 自提`}</Text>
        </View>
      </View>

      <View className='cm-card'>
        <Text className='cm-card__title'>本期商品</Text>
        {activity.items.length === 0 ? <StateView state='empty' message='本期暂无商品' /> : null}
        {activity.items.map((item) => (
          <ItemRow
            key={item.skuId}
            item={item}
            quantity={quantities[item.skuId] ?? 0}
            disabled={!!closed || submitting}
            onChange={(next) => setQuantities((q) => ({ ...q, [item.skuId]: next }))}
          />
        ))}
      </View>

      <View className='cm-card'>
        <Text className='cm-card__title'>自提点</Text>
        <PointPicker state={points.state} points={points.points} chosen={points.chosen} onChoose={points.choose} onRetry={() => void points.reload()} disabled={submitting} />
      </View>

      <View className='cm-bar'>
        <View className='cm-bar__info'>
          <View className='cm-bar__total' data-testid='community-total'>
            <Text className='cm-bar__label'>合计 </Text>
            <Price fen={total} size='lg' />
          </View>
          <Text className='cm-bar__note'>{closed ? CLOSED_TEXT[closed] : '团长点自提，无需运费'}</Text>
        </View>
        <Button
          className={`cm-bar__button${canOrder ? '' : ' cm-bar__button--off'}`}
          data-testid='community-submit'
          disabled={!canOrder || undefined}
          loading={submitting}
          onClick={() => void submit()}
        >
          提交订单
        </Button>
      </View>
      <PaySheet {...payment.sheetProps} />
    </View>
  )
}

function ItemRow({ item, quantity, disabled, onChange }: { item: CommunityItemView; quantity: number; disabled: boolean; onChange: (n: number) => void }) {
  const soldOut = item.stock <= 0
  return (
    <View className='cm-item' data-testid={`community-item-${item.skuId}`}>
      <CloudImage className='cm-item__image' src={item.image} mode='aspectFill' />
      <View className='cm-item__body'>
        <Text className='cm-item__name'>{item.productName}</Text>
        <Text className='cm-card__line'>{item.skuName}</Text>
        <View className='cm-item__foot'>
          <View className='cm-item__prices'>
            <Price fen={item.price} />
            {item.listPrice > item.price ? <Price fen={item.listPrice} size='sm' strike /> : null}
          </View>
          {soldOut ? (
            <Text className='cm-tag cm-tag--off'>已抢光</Text>
          ) : (
            <QuantityStepper
              value={quantity}
              min={0}
              max={Math.min(item.stock, 99)}
              onChange={onChange}
              disabled={disabled}
              onLimit={() => void Taro.showToast({ title: `最多可买 ${Math.min(item.stock, 99)} 件`, icon: 'none' })}
            />
          )}
        </View>
      </View>
    </View>
  )
}
