import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PointsBalanceView } from '../../../core/contracts/points'
import { MALL_URL } from '../../../components/mall-entries/links'
import { CHECKIN_URL } from '../../../components/points-shortcuts/links'
import { askSubscribe } from '../../../utils/subscribe'

/** The balance, what expires soonest, and where points come from and go. */
export default function BalanceHeader({ balance }: { balance: PointsBalanceView | null }) {
  return (
    <View className='points-page__header'>
      <Text className='points-page__balance-label'>可用积分</Text>
      <Text className='points-page__balance' data-testid='points-page-balance'>
        {balance ? balance.balance : '—'}
      </Text>
      {balance?.expiringSoon ? (
        <Text className='points-page__expiring' data-testid='points-page-expiring'>
          {`${balance.expiringSoon.amount} 积分将于 ${balance.expiringSoon.on} 过期`}
        </Text>
      ) : null}
      <View className='points-page__links'>
        <Text className='points-page__link' onClick={() => void Taro.navigateTo({ url: CHECKIN_URL })}>
          签到领积分
        </Text>
        <Text className='points-page__link' onClick={() => void Taro.navigateTo({ url: MALL_URL })}>
          积分商城
        </Text>
        {/* A one-time subscription: the reminder goes out a week before points expire. */}
        <Text className='points-page__link' data-testid='points-page-remind' onClick={() => void askSubscribe('pointsPage')}>
          过期提醒
        </Text>
      </View>
    </View>
  )
}
