import { Button, Text, View } from '@tarojs/components';

interface Props {
  message: string;
  onBack: () => void;
}

/** An item ran out: which one (the server's message names it) and the way back to change the order. */
export default function StockAlert({ message, onBack }: Props) {
  return (
    <View className='stock-alert' data-testid='stock-alert'>
      <Text className='stock-alert__message'>{message}</Text>
      <Button className='stock-alert__back' onClick={onBack}>
        返回修改
      </Button>
    </View>
  );
}
