import { Button, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import Price from '../../../components/price'
import StorePicker, { usePickupStores } from '../../../components/store-picker'
import type { DeliveryAddress } from '../../../core/order/types'
import { formatPrice, type Fen } from '../../../core/money'
import { priceOrder } from '../../../core/pricing'
import AddressForm from '../../trade/checkout/address-form'
import { EMPTY_ADDRESS, loadLastAddress, trimAddress } from '../../trade/checkout/address'
import { useAddressErrors } from '../../trade/checkout/use-address-errors'
import FulfillmentSwitch, { type FulfillmentType } from '../../trade/checkout/fulfillment-switch'
import './sheet.scss'

export type GroupFulfillment = { type: 'pickup'; storeId: string } | { type: 'delivery'; address: DeliveryAddress }

interface Props {
  visible: boolean
  /** 发起拼团 or 参与拼团. */
  title: string
  /** The unit price of the seat (the group price; the leader's when opening); shipping is added as the server does. */
  amount: Fen
  submitting: boolean
  onConfirm: (fulfillment: GroupFulfillment) => void
  onClose: () => void
}

/**
 * Before paying for a seat: 快递配送 (the address, remembered from the last
 * delivery) or 到店自提, the same pieces as checkout; then 立即支付.
 */
export default function FulfillmentSheet({ visible, title, amount, submitting, onConfirm, onClose }: Props) {
  const [type, setType] = useState<FulfillmentType>('delivery')
  const [address, setAddress] = useState<DeliveryAddress>(() => loadLastAddress() ?? EMPTY_ADDRESS)
  const pickup = usePickupStores(visible && type === 'pickup')
  const addressCheck = useAddressErrors(address)
  if (!visible) return null
  // The server prices a seat's order with the shop's one rule: one unit, no member discount, shipping by fulfilment.
  const amounts = priceOrder({ lines: [{ unitPrice: amount, quantity: 1 }], fulfillment: type, memberDiscountBps: 0 })

  const close = () => !submitting && onClose()
  const confirm = () => {
    if (submitting) return
    if (type === 'pickup') {
      if (pickup.chosen) onConfirm({ type: 'pickup', storeId: pickup.chosen.storeId })
      else void Taro.showToast({ title: '请选择自提门店', icon: 'none' })
      return
    }
    // Each field says what it lacks, under it.
    if (!addressCheck.reveal()) return
    onConfirm({ type: 'delivery', address: trimAddress(address) })
  }

  return (
    <View className='group-sheet' data-testid='group-sheet'>
      <View className='group-sheet__mask' onClick={close} />
      <View className='group-sheet__panel'>
        <View className='group-sheet__head'>
          <Text className='group-sheet__title'>{title}</Text>
          <Text className='group-sheet__close' onClick={close}>
            ×
          </Text>
        </View>
        <FulfillmentSwitch value={type} onChange={setType} disabled={submitting} />
        {type === 'delivery' ? (
          <AddressForm value={address} onChange={setAddress} disabled={submitting} errors={addressCheck.shown} onBlurField={addressCheck.touch} />
        ) : (
          <StorePicker pickup={pickup} disabled={submitting} note='成团后凭取货码到店取货' />
        )}
        <View className='group-sheet__bar'>
          <View className='group-sheet__amount'>
            <View className='group-sheet__amount-row'>
              <Text className='group-sheet__amount-label'>需支付</Text>
              <Text data-testid='group-sheet-amount'>
                <Price fen={amounts.payable} size='lg' />
              </Text>
            </View>
            <Text className='group-sheet__amount-note'>
              {amounts.shippingFee > 0 ? `含运费 ${formatPrice(amounts.shippingFee)}` : type === 'delivery' ? '免运费' : '到店自提，无需运费'}
            </Text>
          </View>
          <Button
            className={`group-sheet__pay${submitting ? ' group-sheet__pay--off' : ''}`}
            data-testid='group-sheet-pay'
            disabled={submitting || undefined}
            loading={submitting}
            onClick={confirm}
          >
            立即支付
          </Button>
        </View>
        <Text className='group-sheet__note'>未成团将原路退款</Text>
      </View>
    </View>
  )
}
