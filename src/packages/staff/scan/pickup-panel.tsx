import { Button, Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { useState } from 'react'
import { call } from '../../../api'
import type { PickupOrderSummary, ScannedPickup } from '../../../core/contracts/staff'
import { formatPrice } from '../../../core/money'
import { formatPickupCode } from '../../../core/pickup/code'
import { ORDER_STATUS_LABELS } from '../../../core/order/status'
import { useVerify } from './use-verify'

interface Props {
  scanned: ScannedPickup
  storeId: string
}

/** A pickup order of any kind (found by QR, 取货码 or order number): what to hand over, then 确认核销 (READY_FOR_PICKUP → COMPLETED). */
export default function PickupPanel({ scanned, storeId }: Props) {
  const [order, setOrder] = useState<PickupOrderSummary>(scanned.order)
  const { done, pending, verify } = useVerify(() => call('staff', 'verifyPickup', { orderId: order.orderId, storeId }), (result) => setOrder(result.order))

  // Another store's order never gets here: scan answers PICKUP_WRONG_STORE with the right store's name.
  const blocked = !scanned.verifiable ? `订单当前状态：${ORDER_STATUS_LABELS[order.status]}，不可核销` : null
  return (
    <View className='staff-scan__panel' data-testid='staff-kind-pickup'>
      <Text className='staff-scan__kind'>自提订单</Text>
      <View className='staff-scan__card'>
        <View className='staff-scan__card-head'>
          <Text className='staff-scan__card-title'>{`订单 ${order.orderNo}`}</Text>
          <Text className='staff-scan__status' data-testid='staff-pickup-status'>
            {ORDER_STATUS_LABELS[order.status]}
          </Text>
        </View>
        {order.pickupCode ? (
          <Text className='staff-scan__note' data-testid='staff-pickup-code'>{`取货码：${formatPickupCode(order.pickupCode)}`}</Text>
        ) : null}
        {order.nickname ? <Text className='staff-scan__note'>{`顾客：${order.nickname}`}</Text> : null}
        {order.items.map((item, index) => (
          <View key={`${item.name}-${index}`} className='staff-scan__line'>
            <Text className='staff-scan__line-name'>{item.skuName ? `${item.name}（${item.skuName}）` : item.name}</Text>
            <Text className='staff-scan__line-qty'>{`× ${item.quantity}`}</Text>
          </View>
        ))}
        <View className='staff-scan__line staff-scan__line--total'>
          <Text>{`下单 ${dayjs(order.createdAt).format('MM-DD HH:mm')}`}</Text>
          <Text>{`实付 ${formatPrice(order.payable)}`}</Text>
        </View>
      </View>
      {done ? (
        <View className='staff-scan__done' data-testid='staff-pickup-done'>
          <Text className='staff-scan__done-title'>{done === 'now' ? '核销成功，请将商品交给顾客' : '该订单此前已核销'}</Text>
        </View>
      ) : blocked ? (
        <Text className='staff-scan__problem staff-scan__problem--block'>{blocked}</Text>
      ) : (
        <Button className='staff-scan__primary' data-testid='staff-verify-pickup' disabled={pending || undefined} onClick={() => void verify()}>
          {pending ? '核销中…' : '确认核销'}
        </Button>
      )}
    </View>
  )
}
