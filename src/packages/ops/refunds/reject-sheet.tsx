import { Button, Text, Textarea, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { RefundRequestRow } from '../../../core/contracts/order-refund'
import { formatPrice } from '../../../core/money'
import './review.scss'

interface Props {
  row: RefundRequestRow | null
  pending: boolean
  onSubmit: (reason: string) => void
  onClose: () => void
}

const PRESETS = ['商品已发出，请收货后申请退货', '商品已拆封使用', '超出退款时限', '与顾客协商一致不退款']

/** 拒绝退款: the reason is required; the customer reads it. */
export default function RejectSheet({ row, pending, onSubmit, onClose }: Props) {
  const [reason, setReason] = useState('')
  useEffect(() => setReason(''), [row])
  if (!row) return null
  const text = reason.trim()
  return (
    <View className='refund-reject' data-testid='refund-reject-sheet'>
      <View className='refund-reject__mask' onClick={pending ? undefined : onClose} />
      <View className='refund-reject__panel'>
        <Text className='refund-reject__title'>拒绝退款</Text>
        <Text className='refund-reject__hint'>
          {row.customerName} 申请退款 {formatPrice(row.amount)}，拒绝原因将展示给顾客
        </Text>
        <View className='refund-reject__presets'>
          {PRESETS.map((preset) => (
            <Text key={preset} className='refund-reject__preset' onClick={() => setReason(preset)}>
              {preset}
            </Text>
          ))}
        </View>
        <Textarea
          className='refund-reject__input'
          placeholder='请填写拒绝原因（必填）'
          maxlength={200}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
        <View className='refund-reject__buttons'>
          <Button className='refund-row__button' disabled={pending} onClick={onClose}>
            取消
          </Button>
          <Button
            className='refund-row__button refund-row__button--primary'
            data-testid='refund-reject-submit'
            disabled={pending || !text}
            loading={pending}
            onClick={() => text && onSubmit(text)}
          >
            确认拒绝
          </Button>
        </View>
      </View>
    </View>
  )
}
