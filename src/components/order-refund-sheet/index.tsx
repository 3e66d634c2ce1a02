import { Button, Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import QuantityStepper from '../quantity-stepper';
import './index.scss';

export const REFUND_REASONS = ['不想要了', '商品信息拍错', '未按约定时间发货', '商品质量问题', '其他'] as const;

/** A line the customer may refund: how many units are still refundable. */
export interface RefundableLine {
  skuId: string;
  name: string;
  refundable: number;
}

export interface RefundSheetSubmission {
  reason: string;
  /** A partial refund; absent: the whole order. */
  lines?: { skuId: string; quantity: number }[];
}

interface Props {
  visible: boolean;
  pending: boolean;
  onSubmit: (submission: RefundSheetSubmission) => void;
  onClose: () => void;
  /** Lines that may be refunded one by one; fewer than two units in all: whole order only. */
  lines?: RefundableLine[];
  /** The operator's reason of a rejected earlier request: the customer asks again with a new reason. */
  rejectedReason?: string | null;
}

const MAX_REASON = 200;

/** Asks what to refund (the whole order, or some units of some lines) and why: a preset reason and an optional note. */
export default function OrderRefundSheet({ visible, pending, onSubmit, onClose, lines = [], rejectedReason = null }: Props) {
  const [reason, setReason] = useState<string>(REFUND_REASONS[0]);
  const [note, setNote] = useState('');
  const [partial, setPartial] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, number>>({});

  useEffect(() => {
    if (!visible) return;
    setReason(REFUND_REASONS[0]);
    setNote('');
    setPartial(false);
    setQuantities({});
  }, [visible]);

  if (!visible) return null;
  const byLine = lines.filter((line) => line.refundable > 0);
  const canPartial = byLine.reduce((sum, line) => sum + line.refundable, 0) > 1;
  const chosen = byLine.map((line) => ({ skuId: line.skuId, quantity: quantities[line.skuId] ?? 0 })).filter((line) => line.quantity > 0);
  const needsNote = rejectedReason !== null && rejectedReason !== undefined;
  const blocked = (partial && chosen.length === 0) || (needsNote && !note.trim());

  const submit = () => {
    if (blocked) return;
    const text = (note.trim() ? `${reason}：${note.trim()}` : reason).slice(0, MAX_REASON);
    onSubmit(partial ? { reason: text, lines: chosen } : { reason: text });
  };

  return (
    <View className='refund-sheet' data-testid='refund-sheet'>
      <View className='refund-sheet__mask' onClick={pending ? undefined : onClose} />
      <View className='refund-sheet__panel'>
        <Text className='refund-sheet__title'>申请退款</Text>
        <Text className='refund-sheet__hint'>退款将原路退回，商家同意后处理</Text>
        {needsNote ? (
          <Text className='refund-sheet__rejected' data-testid='refund-rejected'>
            上次申请被拒绝：{rejectedReason}。可再申请一次，请补充新的说明
          </Text>
        ) : null}

        {canPartial ? (
          <View className='refund-sheet__modes'>
            <Text className={`refund-sheet__reason${partial ? '' : ' refund-sheet__reason--on'}`} data-testid='refund-mode-full' onClick={() => setPartial(false)}>
              整单退款
            </Text>
            <Text className={`refund-sheet__reason${partial ? ' refund-sheet__reason--on' : ''}`} data-testid='refund-mode-partial' onClick={() => setPartial(true)}>
              部分退款
            </Text>
          </View>
        ) : null}
        {partial ? (
          <View className='refund-sheet__lines'>
            {byLine.map((line) => (
              <View key={line.skuId} className='refund-sheet__line' data-testid={`refund-line-${line.skuId}`}>
                <Text className='refund-sheet__line-name'>{line.name}</Text>
                <QuantityStepper
                  value={quantities[line.skuId] ?? 0}
                  min={0}
                  max={line.refundable}
                  disabled={pending}
                  onChange={(next) => setQuantities((current) => ({ ...current, [line.skuId]: next }))}
                />
              </View>
            ))}
          </View>
        ) : null}

        <Text className='refund-sheet__label'>退款原因</Text>
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
          placeholder={needsNote ? '补充说明（必填）' : '补充说明（选填）'}
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
            disabled={pending || blocked}
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
