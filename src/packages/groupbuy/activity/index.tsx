import { Button, Text, View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro'
import { useCallback, useRef, useState } from 'react'
import { call } from '../../../api'
import PaySheet from '../../../components/pay-sheet'
import PosterEntry from '../../../components/poster-entry'
import Price from '../../../components/price'
import StateView from '../../../components/state-view'
import { formatPrice } from '../../../core/money'
import { buyNowUrl, productUrl } from '../../../utils/routes'
import FulfillmentSheet, { type GroupFulfillment } from '../shared/fulfillment-sheet'
import { GROUPBUY_LIST_URL, groupUrl } from '../shared/links'
import { REFUSAL_TITLES, type SeatRefusal } from '../shared/refusals'
import { PHASE_BLOCKS, ruleLines } from '../shared/terms'
import { useLoaded } from '../shared/use-loaded'
import { useSeat } from '../shared/use-seat'
import ActivitySummary from './activity-summary'
import OpenGroups from './open-groups'
import './index.scss'

const MISSING = ['ACTIVITY_NOT_FOUND', 'INVALID_ARGUMENT']
const readActivity = (activityId: string) => call('groupbuy', 'getActivity', { activityId })

/** 拼团详情: the product at the group price, the open groups to join, and 发起拼团. */
export default function GroupBuyActivityPage() {
  const activityId = (useRouter().params.id ?? '').trim()
  const { state, reload } = useLoaded(activityId, readActivity, MISSING, '这个拼团活动不存在或已下架')
  const [sheetOpen, setSheetOpen] = useState(false)
  const [refusal, setRefusal] = useState<SeatRefusal | null>(null)

  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void reload().finally(() => void Taro.stopPullDownRefresh())
  })

  const onRefused = useCallback(
    (next: SeatRefusal) => {
      setSheetOpen(false)
      setRefusal(next)
      void Taro.showToast({ title: next.message, icon: 'none', duration: 2500 })
      void reload()
    },
    [reload]
  )
  const onPaid = useCallback((groupId: string) => void Taro.redirectTo({ url: groupUrl(groupId) }), [])
  const onReserved = useCallback(() => setSheetOpen(false), [])
  const seat = useSeat({ onPaid, onRefused, onReserved })

  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />
  if (state.status === 'missing') {
    return <StateView state='empty' message={state.message} actionText='看看其他拼团' onAction={() => void Taro.redirectTo({ url: GROUPBUY_LIST_URL })} />
  }

  const { activity, openGroups, limitReached, mySeats, soldCount } = state.data
  const block = PHASE_BLOCKS[activity.phase] ?? (limitReached ? '已达参团上限' : null)
  const openGroup = (groupId: string) => void Taro.navigateTo({ url: groupUrl(groupId) })
  const start = () => {
    if (block || seat.submitting) return
    setRefusal(null)
    setSheetOpen(true)
  }
  const confirm = (fulfillment: GroupFulfillment) => {
    void seat.reserve({ kind: 'open', activityId: activity.activityId }, fulfillment)
  }

  return (
    <View className='gb-activity'>
      <ActivitySummary activity={activity} soldCount={soldCount ?? 0} onProduct={() => void Taro.navigateTo({ url: productUrl(activity.productId) })} />

      {refusal ? (
        <View className='gb-activity__problem' data-testid='seat-refusal'>
          <Text className='gb-activity__problem-title'>{REFUSAL_TITLES[refusal.code]}</Text>
          <Text className='gb-activity__problem-text'>{refusal.message}</Text>
        </View>
      ) : null}

      <PosterEntry kind='groupbuy' id={activity.activityId} note='邀好友一起拼，好友扫码就能参团' />
      <OpenGroups groups={openGroups} onOpenGroup={openGroup} onExpire={() => void reload()} />

      <View className='gb-activity__card'>
        <Text className='gb-activity__label'>拼团规则</Text>
        {ruleLines(activity).map((line, i) => (
          <Text key={line} className='gb-activity__rule'>
            {i + 1}. {line}
          </Text>
        ))}
        {mySeats > 0 ? <Text className='gb-activity__mine'>你已参与本活动 {mySeats} 次</Text> : null}
      </View>

      <View className='gb-activity__bar'>
        {/* 单独购买: the SKU alone at its normal price, through the shop's checkout. */}
        <Button
          className='gb-activity__solo'
          data-testid='group-solo'
          onClick={() => void Taro.navigateTo({ url: buyNowUrl(activity.skuId, 1) })}
        >
          <Text className='gb-activity__solo-fen'>{formatPrice(activity.listPrice)}</Text>
          <Text className='gb-activity__solo-label'>单独购买</Text>
        </Button>
        <View className='gb-activity__bar-price'>
          <Text className='gb-activity__bar-label'>{activity.leaderPrice < activity.groupPrice ? '团长价' : '拼团价'}</Text>
          <Price fen={activity.leaderPrice} size='lg' />
        </View>
        <Button
          className={`gb-activity__start${block || seat.submitting ? ' gb-activity__start--off' : ''}`}
          data-testid='group-open'
          disabled={Boolean(block) || seat.submitting || undefined}
          loading={seat.submitting}
          onClick={start}
        >
          {/* in a fragment, a text node: see src/packages/flashsale/detail/buy-bar.tsx */}
          <>{block ?? '发起拼团'}</>
        </Button>
      </View>

      <FulfillmentSheet
        visible={sheetOpen}
        title='发起拼团'
        amount={activity.leaderPrice}
        submitting={seat.submitting}
        onConfirm={confirm}
        onClose={() => setSheetOpen(false)}
      />
      <PaySheet {...seat.sheetProps} />
    </View>
  )
}
