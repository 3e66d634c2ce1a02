import { Text, View } from '@tarojs/components';
import type { OrderAmounts as Amounts } from '../../core/pricing';
import { formatPrice } from '../../core/money';
import Price from '../price';
import './index.scss';

interface Props {
  amounts: Amounts;
  fulfillmentType: 'delivery' | 'pickup';
  /** 应付 before payment, 实付款 after. */
  payableLabel?: string;
  /** The part paid (or, unpaid, held) from the stored value (issue 14). */
  walletFen?: number;
  /** Unpaid: what is left for WeChat Pay is shown under the wallet part. */
  unpaid?: boolean;
}

/** Goods, shipping, member and coupon discounts and the payable amount, as the server priced them. */
export default function OrderAmounts({ amounts, fulfillmentType, payableLabel = '应付金额', walletFen, unpaid }: Props) {
  return (
    <View className='order-amounts' data-testid='order-amounts'>
      <View className='order-amounts__row'>
        <Text className='order-amounts__label'>商品金额</Text>
        <Price fen={amounts.itemsTotal} size='sm' className='order-amounts__value' />
      </View>
      <View className='order-amounts__row'>
        <Text className='order-amounts__label'>运费</Text>
        {fulfillmentType === 'pickup' ? (
          <Text className='order-amounts__note'>到店自提 免运费</Text>
        ) : amounts.shippingFee === 0 ? (
          <Text className='order-amounts__note'>包邮</Text>
        ) : (
          <Price fen={amounts.shippingFee} size='sm' className='order-amounts__value' />
        )}
      </View>
      {amounts.discount > 0 ? (
        <View className='order-amounts__row'>
          <Text className='order-amounts__label'>会员优惠</Text>
          <Text className='order-amounts__discount'>-{formatPrice(amounts.discount)}</Text>
        </View>
      ) : null}
      {amounts.couponDiscount ? (
        <View className='order-amounts__row'>
          <Text className='order-amounts__label'>优惠券</Text>
          <Text className='order-amounts__discount'>-{formatPrice(amounts.couponDiscount)}</Text>
        </View>
      ) : null}
      <View className='order-amounts__row order-amounts__row--total'>
        <Text className='order-amounts__label'>{payableLabel}</Text>
        <Price fen={amounts.payable} size='lg' />
      </View>
      {walletFen ? (
        <View className='order-amounts__row' data-testid='order-amounts-wallet'>
          <Text className='order-amounts__label'>{unpaid ? '储值余额已抵扣' : '储值余额支付'}</Text>
          <Text className='order-amounts__note'>{formatPrice(walletFen)}</Text>
        </View>
      ) : null}
      {walletFen && walletFen < amounts.payable ? (
        <View className='order-amounts__row' data-testid='order-amounts-cash'>
          <Text className='order-amounts__label'>{unpaid ? '还需微信支付' : '微信支付'}</Text>
          <Text className='order-amounts__note'>{formatPrice(amounts.payable - walletFen)}</Text>
        </View>
      ) : null}
    </View>
  );
}
