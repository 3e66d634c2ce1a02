import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import StateView from '../../components/state-view'
import AccountCard from '../../components/account-card'
import MyOrders from '../../components/my-orders'
import MallEntries from '../../components/mall-entries'
import PointsShortcuts from '../../components/points-shortcuts'
import IdentitySwitcher from '../../components/identity-switcher'
import OpsEntry from '../../components/ops-entry'
import NotifyEntry from '../../components/notify-entry'
import StaffEntry from '../../components/staff-entry'
import LiveEntry from '../../components/live-entry'
import InviteEntry from '../../components/invite-entry'
import WalletEntry from '../../components/wallet-entry'
import { loadUnreadCount } from './unread'
import { loadAccount } from '../../utils/account'
import { loadOrderSummary } from '../../utils/order-summary'
import { useAsync } from '../../utils/use-async'
import { useCartBadgeOnShow } from '../../utils/cart-badge'
import { versionLine } from '../../utils/app-info'
import { MY_COUPONS_URL } from '../../components/mall-entries/links'
import { pointsUrl } from '../../components/points-shortcuts/links'
import './index.scss'

/**
 * 我的: account (nickname, tier, points, coupons), orders by status; in the
 * local H5 demo only, the identity switcher and the version line (the
 * TARO_ENV checks are literal so a weapp build drops them and their imports).
 */
export default function MePage() {
  const account = useAsync(loadAccount, false)
  const orders = useAsync(loadOrderSummary, false)
  const unread = useAsync(loadUnreadCount, false)
  useCartBadgeOnShow()
  useDidShow(() => {
    void account.reload()
    void orders.reload()
    void unread.reload()
  })

  return (
    <View className='me'>
      {account.status === 'loading' ? <StateView state='loading' /> : null}
      {account.status === 'error' ? <StateView state='error' message={account.message} onRetry={() => void account.reload()} /> : null}
      {account.status === 'ready' ? (
        <AccountCard
          nickname={account.data.nickname}
          roles={account.data.roles}
          member={account.data.member}
          coupons={account.data.coupons}
          onJoin={() => void Taro.switchTab({ url: '/pages/member/index' })}
          onPoints={() => void Taro.navigateTo({ url: pointsUrl() })}
          onCoupons={() => void Taro.navigateTo({ url: MY_COUPONS_URL })}
        />
      ) : null}
      <MyOrders counts={orders.status === 'ready' ? orders.data.byStatus : undefined} truncated={orders.status === 'ready' && orders.data.truncated} />
      {orders.status === 'error' ? (
        <Text className='me__orders-error' onClick={() => void orders.reload()}>
          订单数量加载失败，点击重试
        </Text>
      ) : null}
      <NotifyEntry unread={unread.status === 'ready' ? unread.data : 0} />
      {account.status === 'ready' && account.data.roles.includes('staff') ? <StaffEntry /> : null}
      {account.status === 'ready' && account.data.roles.includes('operator') ? <OpsEntry /> : null}
      <LiveEntry />
      <InviteEntry />
      <WalletEntry />
      <PointsShortcuts />
      <MallEntries />
      {process.env.TARO_ENV === 'h5' ? <IdentitySwitcher /> : null}
      {process.env.TARO_ENV === 'h5' ? <Text className='me__version'>{versionLine()}</Text> : null}
    </View>
  )
}
