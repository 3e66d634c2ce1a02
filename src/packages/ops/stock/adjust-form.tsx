import { Button, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { call, errorMessage } from '../../../api'
import { MAX_STOCK_ADJUSTMENT, STOCK_REASON_MAX, type AdjustStockOutput } from '../../../core/contracts/stock'
import OpsField from '../../../components/ops-field'
import { IntentKey } from '../../../utils/intent-key'

type Direction = 'in' | 'out'

/** What is wrong with the draft, by field; empty when it can be sent. */
function problems(quantity: string, reason: string, stock: number, direction: Direction): { quantity?: string; reason?: string } {
  const found: { quantity?: string; reason?: string } = {}
  const n = Number(quantity)
  if (!/^\d+$/.test(quantity.trim()) || n < 1) found.quantity = '请输入大于 0 的整数'
  else if (n > MAX_STOCK_ADJUSTMENT) found.quantity = `一次最多调整 ${MAX_STOCK_ADJUSTMENT} 件`
  else if (direction === 'out' && n > stock) found.quantity = `当前库存 ${stock}，最多减少 ${stock}`
  if (!reason.trim()) found.reason = '请填写调整原因'
  return found
}

/** 调整库存: add or take out units with a reason. A retried tap reuses its requestId, so it adjusts once. */
export default function AdjustForm({ skuId, stock, onAdjusted }: { skuId: string; stock: number; onAdjusted: (out: AdjustStockOutput) => void }) {
  const [direction, setDirection] = useState<Direction>('in')
  const [quantity, setQuantity] = useState('')
  const [reason, setReason] = useState('')
  const [shown, setShown] = useState<{ quantity?: string; reason?: string }>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const intent = useRef(new IntentKey())

  async function submit() {
    if (busy) return
    const found = problems(quantity, reason, stock, direction)
    setShown(found)
    setFailure(null)
    if (found.quantity || found.reason) return
    const delta = (direction === 'in' ? 1 : -1) * Number(quantity)
    const draft = { skuId, delta, reason: reason.trim() }
    setBusy(true)
    try {
      const out = await call('catalog', 'adjustStock', { ...draft, requestId: intent.current.for(draft) })
      intent.current.renew()
      setQuantity('')
      setReason('')
      void Taro.showToast({ title: '库存已调整', icon: 'success' })
      onAdjusted(out)
    } catch (error) {
      setFailure(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='ops-card ops-stock-adjust' data-testid='stock-adjust'>
      <Text className='ops-card__title'>调整库存</Text>
      <View className='ops-stock-adjust__direction'>
        {(['in', 'out'] as const).map((d) => (
          <Text
            key={d}
            className={`ops-stock-adjust__choice${d === direction ? ' ops-stock-adjust__choice--on' : ''}`}
            data-testid={`stock-adjust-${d}`}
            onClick={() => setDirection(d)}
          >
            {d === 'in' ? '增加 +' : '减少 −'}
          </Text>
        ))}
      </View>
      <OpsField label='数量' name='quantity' required error={shown.quantity} hint={`当前库存 ${stock}`}>
        <Input
          id='stock-adjust-quantity'
          className='ops-input'
          type='number'
          value={quantity}
          placeholder='件数'
          onInput={(e) => setQuantity(e.detail.value)}
        />
      </OpsField>
      <OpsField label='原因' name='reason' required error={shown.reason}>
        <Input
          id='stock-adjust-reason'
          className='ops-input'
          value={reason}
          maxlength={STOCK_REASON_MAX}
          placeholder='如：盘点差异、到货入库、破损'
          onInput={(e) => setReason(e.detail.value)}
        />
      </OpsField>
      {failure ? (
        <Text className='ops-stock-adjust__failure' data-testid='stock-adjust-failure'>
          {failure}
        </Text>
      ) : null}
      <Button className='ops-stock-adjust__submit' data-testid='stock-adjust-submit' disabled={busy} loading={busy} onClick={() => void submit()}>
        确认调整
      </Button>
    </View>
  )
}
