import { Text, View } from '@tarojs/components';
import type { SavedAddressView } from '../../../core/contracts/order-address';

interface Props {
  address: SavedAddressView;
  disabled?: boolean;
  onChange: () => void;
}

/** The saved address the order goes to; tap to pick another from the address book. */
export default function AddressCard({ address, disabled, onChange }: Props) {
  return (
    <View className='address-card' data-testid='checkout-address' onClick={() => !disabled && onChange()}>
      <View className='address-card__body'>
        <View className='address-card__who'>
          <Text className='address-card__name'>{address.name}</Text>
          <Text className='address-card__phone'>{address.phone}</Text>
          {address.isDefault ? <Text className='address-card__tag'>默认</Text> : null}
        </View>
        <Text className='address-card__where'>{`${address.region} ${address.detail}`}</Text>
      </View>
      <Text className='address-card__change'>切换 ›</Text>
    </View>
  );
}
