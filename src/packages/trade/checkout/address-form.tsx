import { Input, Text, View } from '@tarojs/components';
import type { DeliveryAddress } from '../../../core/order/types';
import type { AddressErrors } from './address';

interface Props {
  value: DeliveryAddress;
  onChange: (next: DeliveryAddress) => void;
  disabled?: boolean;
  /** Each field's problem, shown in red under it (the parent decides which are shown yet). */
  errors?: AddressErrors;
  /** A field lost focus (the parent starts showing its problem). */
  onBlurField?: (key: keyof DeliveryAddress) => void;
  /** Given: 所在地区 is a picker row that calls this (the region data lives with the caller); else free text. */
  onPickRegion?: () => void;
}

const FIELDS: Array<{ key: keyof DeliveryAddress; label: string; placeholder: string; type?: 'number'; maxlength: number }> = [
  { key: 'name', label: '收货人', placeholder: '请填写收货人姓名', maxlength: 32 },
  { key: 'phone', label: '手机号', placeholder: '请填写 11 位手机号', type: 'number', maxlength: 11 },
  { key: 'region', label: '所在地区', placeholder: '省、市、区，如：上海市 徐汇区', maxlength: 100 },
  { key: 'detail', label: '详细地址', placeholder: '街道、门牌号', maxlength: 200 },
];

/** The delivery address, one row per field, each with its own error. */
export default function AddressForm({ value, onChange, disabled, errors = {}, onBlurField, onPickRegion }: Props) {
  return (
    <View className='address-form'>
      {FIELDS.map((field) => {
        const error = errors[field.key];
        const picker = field.key === 'region' && onPickRegion;
        return (
          <View key={field.key} className={`address-form__field${error ? ' address-form__field--error' : ''}`} data-testid={`address-field-${field.key}`}>
            <View className='address-form__row'>
              <Text className='address-form__label'>{field.label}</Text>
              {picker ? (
                <View
                  className='address-form__picker'
                  id='address-region'
                  data-testid='address-region'
                  onClick={() => {
                    if (!disabled) onPickRegion();
                  }}
                >
                  <Text className={value.region ? 'address-form__picked' : 'address-form__placeholder'}>{value.region || '请选择 省 / 市 / 区'}</Text>
                  <Text className='address-form__arrow'>›</Text>
                </View>
              ) : (
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
                  onBlur={() => onBlurField?.(field.key)}
                />
              )}
            </View>
            {error ? (
              <Text className='address-form__error' data-testid={`address-${field.key}-error`}>
                {error}
              </Text>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
