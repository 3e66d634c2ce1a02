import { Text, View } from '@tarojs/components';
import type { Fen } from '../../core/money';
import MallPointsPrice from '../mall-points-price';
import Price from '../price';
import CloudImage from '../cloud-image';
import './index.scss';

export interface OrderItemLine {
  skuId: string;
  productName: string;
  skuName: string;
  image: string | null;
  unitPrice: Fen;
  quantity: number;
}

interface Props {
  items: OrderItemLine[];
  /** A line to flag (e.g. the SKU an OUT_OF_STOCK answer named), with the note shown on it. */
  problem?: { skuId: string; note: string } | null;
  onItemClick?: (item: OrderItemLine) => void;
  /** The word on the coupon face drawn where a line has no picture (a points-mall coupon); a grey square without it. */
  placeholder?: string;
  /** A points-mall order (one line): its price in points (+ cash) instead of a ¥0.00 unit price. */
  points?: number;
}

/** The goods of an order or a checkout: image, name, SKU, unit price and quantity. */
export default function OrderItems({ items, problem, onItemClick, placeholder, points = 0 }: Props) {
  return (
    <View className='order-items'>
      {items.map((item) => {
        const flagged = problem?.skuId === item.skuId;
        return (
          <View
            key={item.skuId}
            className={`order-items__line${flagged ? ' order-items__line--problem' : ''}`}
            data-testid={`order-item-${item.skuId}`}
            onClick={onItemClick ? () => onItemClick(item) : undefined}
          >
            {item.image ? (
              <CloudImage className='order-items__image' src={item.image} mode='aspectFill' lazyLoad />
            ) : placeholder ? (
              <View className='order-items__image order-items__image--coupon'>
                <Text>{placeholder}</Text>
              </View>
            ) : (
              <View className='order-items__image order-items__image--empty' />
            )}
            <View className='order-items__body'>
              <Text className='order-items__name'>{item.productName}</Text>
              <Text className='order-items__sku'>{item.skuName}</Text>
              {flagged ? <Text className='order-items__problem'>{problem.note}</Text> : null}
            </View>
            <View className='order-items__side'>
              {points > 0 ? (
                <MallPointsPrice points={points} cash={item.unitPrice} size='sm' className='order-items__price' />
              ) : (
                <Price fen={item.unitPrice} size='sm' className='order-items__price' />
              )}
              <Text className='order-items__quantity'>×{item.quantity}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}
