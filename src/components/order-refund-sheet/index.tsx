import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import './index.scss';

export const REFUND_REASONS = ['不想要了', '商品信息拍错', '未按约定时间发货', '商品质量问题', '其他'] as const;

interface Props {
  visible: boolean;
  pending: boolean;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}

const MAX_REASON = 200;

/** Asks why the customer wants a refund: a preset reason and an optional note. */
export default function OrderRefundSheet({ visible, pending, onSubmit, onClose }: Props) {
  const [reason, setReason] = useState<string>(REFUND_REASONS[0]);
  const [note, setNote] = useState('');

  useEffect(() => {
    if (!visible) return;
    setReason(REFUND_REASONS[0]);
    setNote('');
  }, [visible]);

  if (!visible) return null;
  const submit = () => {
    const text = note.trim() ? `${reason}：${note.trim()}` : reason;
    onSubmit(text.slice(0, MAX_REASON));
  };

  return (
    <View className='refund-sheet' data-testid='refund-sheet'>
      <View className='refund-sheet__mask' onClick={pending ? undefined : onClose} />
      <View className='refund-sheet__panel'>
        <Text className='refund-sheet__title'>申请退款</Text>
        <Text className='refund-sheet__hint'>退款将原路退回，请选择退款原因</Text>
        <View className='refund-sheet__reasons'>
          {REFUND_REASONS.map((item) => (
            <Text
              key={item}
              className={`refund-sheet__reason${item === reason ? ' refund-sheet__reason--on' : ''}`}
              onClick={() => setReason(item)}
            >
              {item}
            </Text>
          ))}
        </View>
        <Input
          className='refund-sheet__note'
          placeholder='补充说明（选填）'
          maxlength={100}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
        <View className='refund-sheet__buttons'>
          <Button className='refund-sheet__button' disabled={pending} onClick={onClose}>
            再想想
          </Button>
          <Button
            className='refund-sheet__button refund-sheet__button--primary'
            data-testid='refund-submit'
            disabled={pending}
            loading={pending}
            onClick={submit}
          >
            提交申请
          </Button>
        </View>
      </View>
    </View>
  );
}
