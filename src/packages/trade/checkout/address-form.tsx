import { Input, Text, View } from '@tarojs/components';
import type { DeliveryAddress } from '../../../core/order/types';

interface Props {
  value: DeliveryAddress;
  onChange: (next: DeliveryAddress) => void;
  disabled?: boolean;
}

const FIELDS: Array<{ key: keyof DeliveryAddress; label: string; placeholder: string; type?: 'number'; maxlength: number }> = [
  { key: 'name', label: '收货人', placeholder: '请填写收货人姓名', maxlength: 32 },
  { key: 'phone', label: '手机号', placeholder: '请填写收货人手机号', type: 'number', maxlength: 20 },
  { key: 'region', label: '所在地区', placeholder: '省、市、区，如：上海市 徐汇区', maxlength: 100 },
  { key: 'detail', label: '详细地址', placeholder: '街道、门牌号', maxlength: 200 },
];

/** The delivery address, one row per field. */
export default function AddressForm({ value, onChange, disabled }: Props) {
  return (
    <View className='address-form'>
      {FIELDS.map((field) => (
        <View key={field.key} className='address-form__row'>
          <Text className='address-form__label'>{field.label}</Text>
          <Input
            className='address-form__input'
            id={`address-${field.key}`}
            data-testid={`address-${field.key}`}
            type={field.type ?? 'text'}
            value={value[field.key]}
            placeholder={field.placeholder}
            maxlength={field.maxlength}
            disabled={disabled}
            onInput={(e) => onChange({ ...value, [field.key]: e.detail.value })}
          />
        </View>
      ))}
    </View>
  );
}
