import { Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import type { RefundRequestView } from '../../../core/contracts/order-refund';
import { formatPrice } from '../../../core/money';

const time = (at: number | null) => (at ? dayjs(at).format('MM-DD HH:mm') : '');

/** The refund's progress: 申请退款 → 商家处理中 → 退款中 → 已退款, or 已拒绝 with the reason. */
export default function RefundTimeline({ request }: { request: RefundRequestView }) {
  return (
    <View className='refund-timeline' data-testid='refund-timeline'>
      <View className='refund-timeline__head'>
        <Text className='refund-timeline__title'>退款进度</Text>
        <Text className='refund-timeline__amount'>
          {request.full ? '整单' : '部分'}退款 {formatPrice(request.amount)}
        </Text>
      </View>
      {request.timeline.map((step) => (
        <View key={step.key} className={`refund-timeline__step refund-timeline__step--${step.state}`} data-testid={`refund-step-${step.key}`}>
          <View className='refund-timeline__dot' />
          <View className='refund-timeline__body'>
            <View className='refund-timeline__row'>
              <Text className='refund-timeline__label'>{step.label}</Text>
              <Text className='refund-timeline__time'>{time(step.at)}</Text>
            </View>
            {step.note ? <Text className='refund-timeline__note'>{step.note}</Text> : null}
          </View>
        </View>
      ))}
    </View>
  );
}
