import { Button, Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import { ApiError, call, toastError } from '../../../api'
import type { RecordPurchaseResult } from '../../../core/contracts/staff'
import { formatPrice } from '../../../core/money'
import { parseYuanToFen } from './amount'

const RECEIPT_PATTERN = /^[A-Za-z0-9_-]{1,40}$/
/** StaffErrorCode.CounterSessionExpired (the contracts module would bring zod into the page). */
const SESSION_EXPIRED = 'COUNTER_SESSION_EXPIRED'

interface Props {
  /** The counter session `scan` opened for this member. */
  sessionId: string
  storeId: string
  /** The session is over: the form keeps what was typed but cannot be sent until a re-scan. */
  disabled: boolean
  onRecorded: (result: RecordPurchaseResult) => void
  onSessionExpired: () => void
}

/** 记录消费: amount in yuan (→ fen) and the receipt number; the server earns points once per receipt. */
export default function PurchaseForm({ sessionId, storeId, disabled, onRecorded, onSessionExpired }: Props) {
  const [amountText, setAmountText] = useState('')
  const [receiptNo, setReceiptNo] = useState('')
  const [pending, setPending] = useState(false)
  const busy = useRef(false)
  const amount = parseYuanToFen(amountText)
  const receipt = receiptNo.trim()
  const amountProblem = amountText.trim() && amount === null ? '请输入正确的金额（最多两位小数）' : null
  const receiptProblem = receipt && !RECEIPT_PATTERN.test(receipt) ? '小票号应为字母、数字、_ 或 -' : null
  const valid = amount !== null && RECEIPT_PATTERN.test(receipt)

  const submit = async () => {
    if (busy.current || amount === null || !valid || disabled) return
    busy.current = true
    setPending(true)
    try {
      const result = await call('staff', 'recordPurchase', { sessionId, storeId, amount, receiptNo: receipt })
      onRecorded(result)
    } catch (error) {
      if (error instanceof ApiError && error.code === SESSION_EXPIRED) onSessionExpired()
      toastError(error)
    } finally {
      busy.current = false
      setPending(false)
    }
  }

  return (
    <View className='staff-scan__form' data-testid='staff-purchase-form'>
      <Text className='staff-scan__form-title'>记录消费</Text>
      <View className='staff-scan__field'>
        <Text className='staff-scan__label'>消费金额</Text>
        <Input
          className='staff-scan__field-input'
          data-testid='staff-amount'
          type='digit'
          value={amountText}
          placeholder='单位：元'
          onInput={(e) => setAmountText(e.detail.value)}
        />
      </View>
      {amountProblem ? <Text className='staff-scan__problem'>{amountProblem}</Text> : null}
      <View className='staff-scan__field'>
        <Text className='staff-scan__label'>小票号</Text>
        <Input
          className='staff-scan__field-input'
          data-testid='staff-receipt'
          value={receiptNo}
          placeholder='收银小票上的单号'
          onInput={(e) => setReceiptNo(e.detail.value)}
        />
      </View>
      {receiptProblem ? <Text className='staff-scan__problem'>{receiptProblem}</Text> : null}
      <Button className='staff-scan__primary' data-testid='staff-record' disabled={pending || !valid || disabled || undefined} onClick={() => void submit()}>
        {pending ? '提交中…' : amount !== null ? `确认记录 ${formatPrice(amount)}` : '确认记录'}
      </Button>
    </View>
  )
}
