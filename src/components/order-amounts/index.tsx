import { Text, View } from '@tarojs/components';
import type { OrderAmounts as Amounts } from '../../core/pricing';
import { formatPrice } from '../../core/money';
import MallPointsPrice from '../mall-points-price';
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
  /** A points-mall order: the points it was redeemed for, shown with the cash part as its total. */
  points?: number;
  /** Nothing is delivered (a coupon): no 运费 row. */
  digital?: boolean;
}

/** Goods, shipping, member and coupon discounts and the payable amount, as the server priced them. */
export default function OrderAmounts({ amounts, fulfillmentType, payableLabel = '应付金额', walletFen, unpaid, points = 0, digital = false }: Props) {
  return (
    <View className='order-amounts' data-testid='order-amounts'>
      {points > 0 ? (
        <View className='order-amounts__row' data-testid='order-amounts-points'>
          <Text className='order-amounts__label'>兑换积分</Text>
          <Text className='order-amounts__note'>{points} 积分</Text>
        </View>
      ) : null}
      {points > 0 && amounts.itemsTotal === 0 ? null : (
        <View className='order-amounts__row'>
          <Text className='order-amounts__label'>{points > 0 ? '另付现金' : '商品金额'}</Text>
          <Price fen={amounts.itemsTotal} size='sm' className='order-amounts__value' />
        </View>
      )}
      {digital ? null : (
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
      )}
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
        {points > 0 ? <MallPointsPrice points={points} cash={amounts.payable} size='lg' /> : <Price fen={amounts.payable} size='lg' />}
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
