import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import StateView from '../../../components/state-view'
import type { OpsOrderDetail } from '../../../core/contracts/order-ops'
import { pointsPriceText } from '../../../core/mall/order-display'
import { formatPrice } from '../../../core/money'
import NoAccess from '../shared/no-access'
import OperatorGate from '../shared/operator-gate'
import { useRefreshOnShow } from '../shared/use-refresh-on-show'
import { shanghaiMinute } from '../orders/date-range'
import RejectSheet from '../refunds/reject-sheet'
import { useReview } from '../refunds/use-review'
import RefundReviewCard from './refund-review-card'
import ShipForm from './ship-form'
import { useOpsOrder } from './use-ops-order'
import '../../../components/ops-field/index.scss'
import '../shared/ops.scss'
import './index.scss'

/** 订单详情 for operators: items, amounts, customer, fulfilment, payment, refunds, the history as a timeline; 发货; 同意 / 拒绝 a refund request. */
export default function OpsOrderPage() {
  return (
    <OperatorGate>
      <OpsOrder />
    </OperatorGate>
  )
}

const REFUND_STATUS: Record<string, string> = { DUE: '退款处理中', DONE: '已退回' }

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='ops-info__row'>
      <Text className='ops-info__key'>{label}</Text>
      <Text className='ops-info__value' data-testid={testId}>
        {value}
      </Text>
    </View>
  )
}

function OpsOrder() {
  const orderId = (useRouter().params.id ?? '').trim()
  const { state, reload } = useOpsOrder(orderId)
  const review = useReview(reload)
  // Back from the refund review: its decision shows at once.
  useRefreshOnShow(reload)

  if (!orderId) return <StateView state='error' message='缺少订单号' />
  if (state.status === 'loading') return <StateView state='loading' />
  if (state.status === 'denied') return <NoAccess />
  if (state.status === 'error') return <StateView state='error' message={state.message} onRetry={() => void reload()} />
  const order = state.order
  return (
    <View className='ops-page ops-order'>
      <View className='ops-order__columns'>
        <View className='ops-order__column'>
          <Summary order={order} />
          {order.refundRequest ? (
            <RefundReviewCard row={order.refundRequest} busy={review.busy} onApprove={(row) => void review.approve(row)} onReject={review.startReject} />
          ) : null}
          {order.canShip ? <ShipForm orderId={order.orderId} onShipped={() => void reload()} /> : null}
          <Items order={order} />
        </View>
        <View className='ops-order__column'>
          <Fulfilment order={order} />
          <Timeline order={order} />
        </View>
      </View>
      <RejectSheet row={review.rejecting} pending={review.busy} onSubmit={(reason) => void review.reject(reason)} onClose={review.closeReject} />
    </View>
  )
}

function Summary({ order }: { order: OpsOrderDetail }) {
  return (
    <View className='ops-card'>
      <View className='ops-order__head'>
        <Text className='ops-card__title'>{order.statusLabel}</Text>
        <Text className='ops-tag ops-tag--off'>{order.kindLabel}</Text>
      </View>
      <Row label='订单号' value={order.orderNo} />
      <Row label='下单时间' value={shanghaiMinute(order.createdAt)} />
      <Row label='顾客' value={order.customer.nickname} testId='ops-order-customer' />
      <Row label='手机号' value={order.customer.phone ?? '未留'} />
      {order.payment ? <Row label='支付' value={`${formatPrice(order.payment.amount)} · ${shanghaiMinute(order.payment.at)}`} /> : <Row label='支付' value='未支付' />}
      {order.payment ? <Row label='支付方式' value={paymentMethodText(order.payment)} /> : null}
      {order.payment ? <Row label='支付单号' value={order.payment.transactionId} /> : null}
      {order.remark ? <Row label='备注' value={order.remark} /> : null}
    </View>
  )
}

function Items({ order }: { order: OpsOrderDetail }) {
  const { amounts } = order
  return (
    <View className='ops-card'>
      <Text className='ops-card__title'>商品</Text>
      {order.items.map((item) => (
        <View key={item.skuId} className='ops-order__item'>
          <Text className='ops-order__item-name'>
            {item.productName}
            {item.skuName ? `（${item.skuName}）` : ''}
          </Text>
          <Text className='ops-order__item-qty'>
            {formatPrice(item.unitPrice)} × {item.quantity}
          </Text>
        </View>
      ))}
      {order.points > 0 ? <Row label='兑换积分' value={`${order.points} 积分`} testId='ops-order-points' /> : null}
      <Row label={order.points > 0 ? '另付现金' : '商品金额'} value={formatPrice(amounts.itemsTotal)} />
      {amounts.discount > 0 ? <Row label='会员优惠' value={`-${formatPrice(amounts.discount)}`} /> : null}
      {amounts.couponDiscount ? <Row label='优惠券' value={`-${formatPrice(amounts.couponDiscount)}`} /> : null}
      <Row label='运费' value={formatPrice(amounts.shippingFee)} />
      <Row label='实付' value={order.points > 0 ? pointsPriceText(order.points, amounts.payable) : formatPrice(amounts.payable)} testId='ops-order-payable' />
      {order.refunded > 0 ? <Row label='已退款' value={formatPrice(order.refunded)} /> : null}
      {order.refunds.map((refund) => (
        <Row key={refund.refundNo} label='退款' value={`${formatPrice(refund.amount)} · ${REFUND_STATUS[refund.status] ?? refund.status}`} />
      ))}
    </View>
  )
}

function Fulfilment({ order }: { order: OpsOrderDetail }) {
  const { fulfillment, shipping } = order
  return (
    <View className='ops-card'>
      <Text className='ops-card__title'>{fulfillment.type === 'pickup' ? '到店自提' : '快递配送'}</Text>
      {fulfillment.type === 'pickup' ? (
        <>
          <Row label='门店' value={fulfillment.storeName} />
          {fulfillment.pickupCode ? <Row label='取货码' value={fulfillment.pickupCode} /> : null}
        </>
      ) : (
        <>
          <Row label='收货人' value={`${fulfillment.address.name} ${fulfillment.address.phone}`} />
          <Row label='地址' value={`${fulfillment.address.region} ${fulfillment.address.detail}`} />
          {shipping.trackingNo ? <Row label='物流' value={`${shipping.carrier ?? ''} ${shipping.trackingNo}`.trim()} testId='ops-order-tracking' /> : null}
        </>
      )}
    </View>
  )
}

function Timeline({ order }: { order: OpsOrderDetail }) {
  return (
    <View className='ops-card' data-testid='ops-order-timeline'>
      <Text className='ops-card__title'>订单动态</Text>
      {[...order.timeline].reverse().map((entry, index) => (
        <View key={`${entry.event}-${entry.at}-${index}`} className={`ops-order__step${index === 0 ? ' ops-order__step--last' : ''}`}>
          <View className='ops-order__dot' />
          <View className='ops-order__step-body'>
            <Text className='ops-order__step-label'>
              {entry.label}
              {entry.note ? ` · ${entry.note}` : ''}
            </Text>
            <Text className='ops-order__step-time'>
              {shanghaiMinute(entry.at)} · {entry.by}
            </Text>
          </View>
        </View>
      ))}
    </View>
  )
}

/** 微信支付, 储值余额, or 储值 ¥X + 微信 ¥Y (issue 14). */
function paymentMethodText(payment: { method: 'wechat' | 'wallet' | 'split'; amount: number; walletFen: number }): string {
  if (payment.method === 'wallet') return '储值余额'
  if (payment.method === 'split') return `储值 ${formatPrice(payment.walletFen)} + 微信 ${formatPrice(payment.amount - payment.walletFen)}`
  return '微信支付'
}
