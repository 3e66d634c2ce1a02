import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { opsOrderUrl } from '../../../components/ops-entry/links'
import type { RefundRequestRow } from '../../../core/contracts/order-refund'
import { formatPrice } from '../../../core/money'
import { autoApproveNote, urgent, waited } from './refund-time'
import ReviewButtons from './review-buttons'

const STATE_TAGS: Record<RefundRequestRow['state'], { label: string; tone: string }> = {
  PENDING: { label: '待处理', tone: 'scheduled' },
  APPROVED: { label: '已同意', tone: 'done' },
  REJECTED: { label: '已拒绝', tone: 'off' },
  WITHDRAWN: { label: '已撤销', tone: 'off' },
}

interface Props {
  row: RefundRequestRow
  now: number
  busy: boolean
  onApprove: (row: RefundRequestRow) => void
  onReject: (row: RefundRequestRow) => void
}

/** One refund request: who, how much, why, how long it waited; 同意 / 拒绝 while pending. */
export default function RefundRow({ row, now, busy, onApprove, onReject }: Props) {
  const pending = row.state === 'PENDING' && row.orderStatus === 'REFUND_REQUESTED'
  const tag = STATE_TAGS[row.state]
  const countdown = pending ? autoApproveNote(row.autoApproveAt, now) : null
  return (
    <View className='ops-card refund-row' data-testid={`refund-row-${row.orderId}`}>
      <View className='refund-row__head'>
        <Text className='refund-row__customer'>{row.customerName}</Text>
        <Text className={`ops-tag ops-tag--${tag.tone}`}>{tag.label}</Text>
      </View>
      <View className='refund-row__amount'>
        <Text className='refund-row__money' data-testid='refund-row-amount'>
          {formatPrice(row.amount)}
        </Text>
        <Text className='refund-row__kind'>
          {row.full ? '整单退款' : '部分退款'}（实付 {formatPrice(row.paid)}）
        </Text>
      </View>
      <Text className='refund-row__line'>{row.linesSummary}</Text>
      <Text className='refund-row__line'>退款原因：{row.reason || '未填写'}</Text>
      {row.attempt > 1 ? <Text className='refund-row__line'>第 {row.attempt} 次申请</Text> : null}
      <View className='refund-row__times'>
        <Text>{pending ? waited(row.requestedAt, now) : `申请于 ${dayjs(row.requestedAt).format('MM-DD HH:mm')}`}</Text>
        {countdown ? (
          <Text className={urgent(row.autoApproveAt, now) ? 'refund-row__due refund-row__due--urgent' : 'refund-row__due'} data-testid='refund-row-countdown'>
            {countdown}
          </Text>
        ) : null}
      </View>
      {!pending && row.decidedAt ? (
        <Text className='refund-row__line' data-testid='refund-row-decision'>
          {row.decidedBy === 'system' ? '超时自动同意' : row.state === 'REJECTED' ? `拒绝原因：${row.decisionNote ?? ''}` : '商家同意'} · {dayjs(row.decidedAt).format('MM-DD HH:mm')}
        </Text>
      ) : null}
      <View className='refund-row__actions'>
        <Text className='refund-row__link' onClick={() => void Taro.navigateTo({ url: opsOrderUrl(row.orderId) })}>
          查看订单
        </Text>
        {pending ? <ReviewButtons row={row} busy={busy} onApprove={onApprove} onReject={onReject} /> : null}
      </View>
    </View>
  )
}
