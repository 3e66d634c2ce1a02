import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import StateView from '../../components/state-view'
import AccountCard from '../../components/account-card'
import MyOrders from '../../components/my-orders'
import SectionTitle from '../../components/section-title'
import { loadAccount } from '../../utils/account'
import { loadOrderSummary } from '../../utils/order-summary'
import { useAsync } from '../../utils/use-async'
import { useCartBadgeOnShow } from '../../utils/cart-badge'
import { HOME_URL } from '../../utils/routes'
import MemberCardSoon from './member-card-soon'
import OrderStats from './order-stats'
import './index.scss'

/** 会员: who is signed in, their orders by status, and the member card to come. */
export default function MemberPage() {
  const account = useAsync(loadAccount, false)
  const orders = useAsync(loadOrderSummary, false)
  useCartBadgeOnShow()
  useDidShow(() => {
    void account.reload()
    void orders.reload()
  })

  if (account.status === 'loading') return <StateView state='loading' />
  if (account.status === 'error') return <StateView state='error' message={account.message} onRetry={() => void account.reload()} />

  return (
    <View className='member'>
      <AccountCard nickname={account.data.nickname} openid={account.data.openid} roles={account.data.roles} />
      <MemberCardSoon />
      <MyOrders counts={orders.status === 'ready' ? orders.data.byStatus : undefined} truncated={orders.status === 'ready' && orders.data.truncated} />
      <View className='member__block'>
        <SectionTitle title='消费概览' />
        {orders.status === 'loading' ? <StateView state='loading' /> : null}
        {orders.status === 'error' ? <StateView state='error' message={orders.message} onRetry={() => void orders.reload()} /> : null}
        {orders.status === 'ready' && orders.data.total === 0 ? (
          <StateView state='empty' message='还没有订单' actionText='去首页逛逛' onAction={() => void Taro.switchTab({ url: HOME_URL })} />
        ) : null}
        {orders.status === 'ready' && orders.data.total > 0 ? <OrderStats summary={orders.data} /> : null}
      </View>
      <Text className='member__note'>数据来自你的订单记录</Text>
    </View>
  )
}
