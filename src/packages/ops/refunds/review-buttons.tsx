import { Button, View } from '@tarojs/components'
import type { RefundRequestRow } from '../../../core/contracts/order-refund'
import './review.scss'

interface Props {
  row: RefundRequestRow
  busy: boolean
  onApprove: (row: RefundRequestRow) => void
  onReject: (row: RefundRequestRow) => void
}

/** 拒绝 / 同意退款 of a pending request (with useReview and RejectSheet): on 退款审核 and on the operator's 订单详情. */
export default function ReviewButtons({ row, busy, onApprove, onReject }: Props) {
  return (
    <View className='refund-row__buttons'>
      <Button className='refund-row__button' data-testid='refund-reject' disabled={busy} onClick={() => onReject(row)}>
        拒绝
      </Button>
      <Button className='refund-row__button refund-row__button--primary' data-testid='refund-approve' disabled={busy} onClick={() => onApprove(row)}>
        同意退款
      </Button>
    </View>
  )
}
