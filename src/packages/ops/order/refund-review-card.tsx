import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { OPS_REFUNDS_URL } from '../../../components/ops-entry/links'
import { serverNow } from '../../../components/order-countdown'
import type { RefundRequestRow } from '../../../core/contracts/order-refund'
import { formatPrice } from '../../../core/money'
import { autoApproveNote } from '../refunds/refund-time'
import ReviewButtons from '../refunds/review-buttons'

interface Props {
  row: RefundRequestRow
  busy: boolean
  onApprove: (row: RefundRequestRow) => void
  onReject: (row: RefundRequestRow) => void
}

/** The pending refund request on 订单详情: how much, why, when it approves itself; 同意 / 拒绝 as on 退款审核. */
export default function RefundReviewCard({ row, busy, onApprove, onReject }: Props) {
  const countdown = autoApproveNote(row.autoApproveAt, serverNow())
  return (
    <View className='ops-card ops-order__review' data-testid='ops-order-refund-review'>
      <View className='ops-order__head'>
        <Text className='ops-card__title'>顾客申请了退款</Text>
        <Text className='ops-order__link' data-testid='ops-order-refund-list' onClick={() => void Taro.navigateTo({ url: OPS_REFUNDS_URL })}>
          全部退款申请 ›
        </Text>
      </View>
      <Text className='ops-order__review-line' data-testid='ops-order-refund-amount'>
        {row.full ? '整单退款' : '部分退款'} {formatPrice(row.amount)}（实付 {formatPrice(row.paid)}）
      </Text>
      {row.full ? null : <Text className='ops-order__review-line'>{row.linesSummary}</Text>}
      <Text className='ops-order__review-line'>退款原因：{row.reason || '未填写'}</Text>
      {row.attempt > 1 ? <Text className='ops-order__review-line'>第 {row.attempt} 次申请</Text> : null}
      <View className='ops-order__review-actions'>
        <Text className='ops-order__review-due'>{countdown ?? ''}</Text>
        <ReviewButtons row={row} busy={busy} onApprove={onApprove} onReject={onReject} />
      </View>
    </View>
  )
}
