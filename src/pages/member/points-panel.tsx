import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { MemberCardView } from '../../core/contracts/member'
import { pointsUrl } from '../../components/points-shortcuts/links'

/** 我的积分: the balance (tap for the ledger) and the points that expire soon. */
export default function PointsPanel({ points }: { points: MemberCardView['points'] }) {
  const open = () => void Taro.navigateTo({ url: pointsUrl() })
  return (
    <View className='member__block member__points' data-testid='points-panel' onClick={open}>
      <View className='member__points-main'>
        <Text className='member__points-label'>我的积分</Text>
        <Text className='member__points-value' data-testid='points-balance'>
          {points.balance}
        </Text>
      </View>
      <Text className='member__points-more'>明细 ›</Text>
      {points.expiringSoon ? (
        <Text className='member__points-expiring' data-testid='points-expiring'>
          {`${points.expiringSoon.amount} 积分将于 ${points.expiringSoon.on} 过期`}
        </Text>
      ) : null}
    </View>
  )
}
