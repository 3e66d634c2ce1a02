import { Text, View } from '@tarojs/components';

export type FulfillmentType = 'delivery' | 'pickup';

const OPTIONS: Array<{ type: FulfillmentType; label: string }> = [
  { type: 'delivery', label: '快递配送' },
  { type: 'pickup', label: '到店自提' },
];

interface Props {
  value: FulfillmentType;
  onChange: (next: FulfillmentType) => void;
  disabled?: boolean;
}

/** 快递配送 | 到店自提. */
export default function FulfillmentSwitch({ value, onChange, disabled }: Props) {
  return (
    <View className='fulfillment-switch'>
      {OPTIONS.map((option) => (
        <Text
          key={option.type}
          className={`fulfillment-switch__option${option.type === value ? ' fulfillment-switch__option--on' : ''}`}
          data-testid={`fulfillment-${option.type}`}
          onClick={() => !disabled && onChange(option.type)}
        >
          {option.label}
        </Text>
      ))}
    </View>
  );
}
