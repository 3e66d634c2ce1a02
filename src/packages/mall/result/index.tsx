import { Button, Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { MALL_URL, MY_COUPONS_URL } from '../../../components/mall-entries/links'
import StateView from '../../../components/state-view'
import { ORDER_STATUS_LABELS } from '../../../core/order/status'
import { orderUrl } from '../../../utils/routes'
import { useAsync } from '../../../utils/use-async'
import './index.scss'

/** 兑换成功 (points only): what was redeemed, the points spent, and the way to its order. */
export default function RedeemResultPage() {
  const { params } = useRouter()
  const orderId = (params.orderId ?? '').trim()
  const load = useCallback(async () => {
    if (!orderId) throw new Error('缺少订单编号')
    return call('order', 'get', { orderId })
  }, [orderId])
  const order = useAsync(load)

  if (order.status === 'loading') return <StateView state='loading' />
  if (order.status === 'error') return <StateView state='error' message={orderId ? order.message : '缺少订单编号'} onRetry={orderId ? () => void order.reload() : undefined} />

  const view = order.data
  const first = view.items[0]
  const points = view.mall?.pointsPrice ?? Number(params.points ?? 0)
  const isCoupon = view.mall?.kind === 'coupon'
  const backToMall = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.redirectTo({ url: MALL_URL })
  }

  return (
    <View className='redeem-result' data-testid='redeem-result'>
      <View className='redeem-result__head'>
        <Text className='redeem-result__icon'>✓</Text>
        <Text className='redeem-result__title'>兑换成功</Text>
        <Text className='redeem-result__points' data-testid='redeem-result-points'>
          已使用 {points} 积分
        </Text>
      </View>
      <View className='redeem-result__card'>
        <View className='redeem-result__row'>
          <Text className='redeem-result__label'>兑换商品</Text>
          <Text className='redeem-result__value'>{first ? first.productName : '积分好礼'}</Text>
        </View>
        <View className='redeem-result__row'>
          <Text className='redeem-result__label'>订单状态</Text>
          <Text className='redeem-result__value'>{ORDER_STATUS_LABELS[view.status]}</Text>
        </View>
        <View className='redeem-result__row'>
          <Text className='redeem-result__label'>订单编号</Text>
          <Text className='redeem-result__value'>{view.orderNo}</Text>
        </View>
        {isCoupon ? <Text className='redeem-result__note'>优惠券已放入「我的优惠券」，下单时可用</Text> : null}
        {!isCoupon && view.fulfillment.type === 'pickup' ? <Text className='redeem-result__note'>请凭订单到店领取</Text> : null}
      </View>
      <View className='redeem-result__buttons'>
        <Button className='redeem-result__button redeem-result__button--primary' data-testid='result-order' onClick={() => void Taro.redirectTo({ url: orderUrl(view._id) })}>
          查看订单
        </Button>
        {isCoupon ? (
          <Button className='redeem-result__button' onClick={() => void Taro.redirectTo({ url: MY_COUPONS_URL })}>
            查看优惠券
          </Button>
        ) : null}
        <Button className='redeem-result__button' onClick={backToMall}>
          继续兑换
        </Button>
      </View>
    </View>
  )
}
