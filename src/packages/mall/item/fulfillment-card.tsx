import { Text, View } from '@tarojs/components'
import StorePicker, { type PickupStores } from '../../../components/store-picker'
import type { DeliveryAddress } from '../../../core/order/types'
import type { AddressErrorState } from '../../trade/checkout/use-address-errors'
import AddressForm from '../../trade/checkout/address-form'
import FulfillmentSwitch, { type FulfillmentType } from '../../trade/checkout/fulfillment-switch'

interface Props {
  type: FulfillmentType
  address: DeliveryAddress
  onType: (type: FulfillmentType) => void
  onAddress: (address: DeliveryAddress) => void
  pickup: PickupStores
  disabled: boolean
  addressCheck: AddressErrorState
}

/** Goods: picked up at a store the customer chooses, or delivered to an address. */
export default function FulfillmentCard({ type, address, onType, onAddress, pickup, disabled, addressCheck }: Props) {
  return (
    <View className='mall-item__card'>
      <Text className='mall-item__label'>领取方式</Text>
      <FulfillmentSwitch value={type} onChange={onType} disabled={disabled} />
      {type === 'delivery' ? (
        <AddressForm value={address} onChange={onAddress} disabled={disabled} errors={addressCheck.shown} onBlurField={addressCheck.touch} />
      ) : (
        <StorePicker pickup={pickup} disabled={disabled} note='兑换后凭取货码到店领取' />
      )}
    </View>
  )
}
