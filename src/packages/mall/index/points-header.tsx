import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { BalanceState } from '../shared/use-points-balance'
import { MY_COUPONS_URL } from '../../../components/mall-entries/links'

const MEMBER_TAB = '/pages/member/index'

interface Props {
  balance: BalanceState
  onRetry: () => void
}

/** My points on top of the mall: the balance and what expires soon; a guest is invited to join. */
export default function PointsHeader({ balance, onRetry }: Props) {
  return (
    <View className='mall__header'>
      <View className='mall__balance'>
        <Text className='mall__balance-label'>我的积分</Text>
        {balance.status === 'ready' ? (
          <Text className='mall__balance-value' data-testid='mall-balance'>
            {balance.balance}
          </Text>
        ) : balance.status === 'loading' ? (
          <Text className='mall__balance-value mall__balance-value--muted'>--</Text>
        ) : balance.status === 'guest' ? (
          <Text className='mall__balance-join' onClick={() => void Taro.switchTab({ url: MEMBER_TAB })}>
            {balance.giftPoints > 0 ? `开通会员卡，送 ${balance.giftPoints} 积分 ›` : '开通会员卡，兑换积分好礼 ›'}
          </Text>
        ) : (
          <Text className='mall__balance-join' onClick={onRetry}>
            积分加载失败，点击重试
          </Text>
        )}
        {balance.status === 'ready' && balance.expiringSoon ? (
          <Text className='mall__balance-note'>
            {balance.expiringSoon.amount} 积分将于 {balance.expiringSoon.on} 过期
          </Text>
        ) : null}
      </View>
      <Text className='mall__header-link' onClick={() => void Taro.navigateTo({ url: MY_COUPONS_URL })}>
        我的优惠券 ›
      </Text>
    </View>
  )
}
