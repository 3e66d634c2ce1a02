import { Text, View } from '@tarojs/components'
import type { DeliveryAddress } from '../../../core/order/types'
import AddressForm from '../../trade/checkout/address-form'
import FulfillmentSwitch, { type FulfillmentType } from '../../trade/checkout/fulfillment-switch'

interface Props {
  type: FulfillmentType
  address: DeliveryAddress
  onType: (type: FulfillmentType) => void
  onAddress: (address: DeliveryAddress) => void
  disabled: boolean
}

/** Goods: picked up at the store (no address needed) or delivered to an address. */
export default function FulfillmentCard({ type, address, onType, onAddress, disabled }: Props) {
  return (
    <View className='mall-item__card'>
      <Text className='mall-item__label'>领取方式</Text>
      <FulfillmentSwitch value={type} onChange={onType} disabled={disabled} />
      {type === 'delivery' ? (
        <AddressForm value={address} onChange={onAddress} disabled={disabled} />
      ) : (
        <View className='mall-item__store'>
          <Text className='mall-item__store-name'>到店自提</Text>
          <Text className='mall-item__store-note'>兑换后凭订单到店领取，门店地址见订单详情</Text>
        </View>
      )}
    </View>
  )
}
