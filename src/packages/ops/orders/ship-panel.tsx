import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { call, toastError } from '../../../api'
import OpsChips from '../../../components/ops-chips'
import type { OpsOrderRow, ShipBatchView } from '../../../core/contracts/order-ops'
import { CARRIERS, type Carrier } from '../../../core/order/carriers'
import { newRequestId } from '../../../utils/request-id'

interface Props {
  orders: OpsOrderRow[]
  onDone: (view: ShipBatchView) => void
  onCancel: () => void
}

/**
 * 批量发货: one carrier for the batch and a tracking number per order; the
 * answer is per order (a refused one is shown with its reason). One
 * requestId per intent: a retry after a lost answer ships nothing twice.
 */
export default function ShipPanel({ orders, onDone, onCancel }: Props) {
  const [carrier, setCarrier] = useState<Carrier>('顺丰')
  const [numbers, setNumbers] = useState<Record<string, string>>({})
  const [requestId, setRequestId] = useState(newRequestId)
  const [busy, setBusy] = useState(false)
  const [failures, setFailures] = useState<Record<string, string>>({})
  const missing = orders.filter((order) => !(numbers[order.orderId] ?? '').trim())

  const submit = async () => {
    if (busy || missing.length > 0) return
    setBusy(true)
    try {
      const items = orders.map((order) => ({ orderId: order.orderId, carrier, trackingNo: numbers[order.orderId]!.trim() }))
      const view = await call('order', 'shipBatch', { items, requestId })
      setRequestId(newRequestId())
      setFailures(Object.fromEntries(view.results.flatMap((result) => (result.ok ? [] : [[result.orderId, result.message]]))))
      onDone(view)
    } catch (error) {
      toastError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='ops-card ops-orders__ship' data-testid='orders-ship-panel'>
      <Text className='ops-card__title'>批量发货（{orders.length} 单）</Text>
      <Text className='ops-orders__label'>快递公司</Text>
      <OpsChips name='orders-carrier' options={CARRIERS.map((name) => ({ value: name, label: name }))} value={carrier} onChange={setCarrier} />
      {orders.map((order) => (
        <View key={order.orderId} className='ops-orders__ship-line'>
          <View className='ops-orders__ship-who'>
            <Text className='ops-orders__no'>{order.orderNo}</Text>
            <Text className='ops-orders__sub'>
              {order.customerName} · {order.itemsSummary}
            </Text>
            {failures[order.orderId] ? <Text className='ops-orders__error'>{failures[order.orderId]}</Text> : null}
          </View>
          <Input
            id={`orders-tracking-${order.orderId}`}
            className='ops-input ops-orders__tracking'
            value={numbers[order.orderId] ?? ''}
            placeholder='快递单号'
            maxlength={64}
            onInput={(e) => setNumbers({ ...numbers, [order.orderId]: e.detail.value })}
          />
        </View>
      ))}
      <View className='ops-orders__ship-actions'>
        <Button className='ops-bar__button ops-bar__button--ghost' onClick={onCancel}>
          取消
        </Button>
        <Button
          className={`ops-bar__button${busy || missing.length > 0 ? ' ops-bar__button--off' : ''}`}
          data-testid='orders-ship-submit'
          onClick={() => void submit()}
        >
          {busy ? '发货中…' : missing.length > 0 ? `还有 ${missing.length} 单未填单号` : '确认发货'}
        </Button>
      </View>
    </View>
  )
}
