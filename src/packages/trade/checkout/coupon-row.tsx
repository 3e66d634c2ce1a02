import { Text, View } from '@tarojs/components';
import type { QuoteView } from '../../../core/contracts/order';
import { formatPrice } from '../../../core/money';
import type { CouponChoice } from './coupon-choice';

interface Props {
  quote: QuoteView;
  choice: CouponChoice;
  disabled: boolean;
  onOpen: () => void;
}

/** 优惠券: the coupon the quote applied and what it takes off, or how many could apply; tap to choose. */
export default function CouponRow({ quote, choice, disabled, onOpen }: Props) {
  const options = quote.couponOptions ?? [];
  const usable = options.filter((o) => o.usable).length;
  const applied = quote.coupon ?? null;
  const discount = quote.amounts.couponDiscount ?? applied?.discount ?? 0;
  const open = () => {
    if (!disabled && options.length > 0) onOpen();
  };
  return (
    <View className='checkout__coupon' data-testid='checkout-coupon' onClick={open}>
      <Text className='checkout__coupon-label'>优惠券</Text>
      <View className='checkout__coupon-value'>
        {applied ? (
          <>
            <Text className='checkout__coupon-title'>{applied.title}</Text>
            <Text className='checkout__coupon-discount' data-testid='checkout-coupon-discount'>
              -{formatPrice(discount)}
            </Text>
          </>
        ) : (
          <Text className={`checkout__coupon-note${usable > 0 ? ' checkout__coupon-note--on' : ''}`}>
            {choice.mode === 'none' && usable > 0 ? `不使用优惠券 · ${usable} 张可用` : usable > 0 ? `${usable} 张可用` : '暂无可用'}
          </Text>
        )}
        {options.length > 0 ? <Text className='checkout__coupon-arrow'>›</Text> : null}
      </View>
    </View>
  );
}
