import { View } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../api'
import StateView from '../../components/state-view'
import MemberCard from '../../components/member-card'
import { serverNow, syncServerClock } from '../../components/order-countdown/server-clock'
import { chinaDay } from '../../core/points/china-day'
import { useAsync } from '../../utils/use-async'
import { useCartBadgeOnShow } from '../../utils/cart-badge'
import BirthdayGift, { birthdayGiftOpen } from './birthday-gift'
import JoinCard from './join-card'
import MemberActions from './member-actions'
import PointsPanel from './points-panel'
import TierTable from './tier-table'
import './index.scss'

const loadCard = () => call('member', 'card', {})

/** 会员: the join card for a customer who has not joined; the member card, points and entries for a member. */
export default function MemberPage() {
  const card = useAsync(loadCard, false)
  useCartBadgeOnShow()
  useDidShow(() => {
    void syncServerClock()
    void card.reload()
  })
  usePullDownRefresh(() => {
    void card.reload().finally(() => void Taro.stopPullDownRefresh())
  })
  const reload = useCallback(() => void card.reload(), [card.reload])

  if (card.status === 'loading') return <StateView state='loading' />
  if (card.status === 'error') return <StateView state='error' message={card.message} onRetry={reload} />

  const view = card.data
  if (!view.joined) {
    return (
      <View className='member'>
        <JoinCard offer={view} today={chinaDay(serverNow())} onJoined={reload} />
        <TierTable tiers={view.tiers} />
      </View>
    )
  }
  return (
    <View className='member'>
      <MemberCard card={view} />
      <MemberActions />
      <PointsPanel points={view.points} />
      {birthdayGiftOpen(view) ? <BirthdayGift onClaimed={reload} /> : null}
      <TierTable tiers={view.tiers} currentId={view.tier.id} />
    </View>
  )
}
