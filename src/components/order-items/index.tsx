import { Text, View } from '@tarojs/components';
import type { Fen } from '../../core/money';
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
}

/** The goods of an order or a checkout: image, name, SKU, unit price and quantity. */
export default function OrderItems({ items, problem, onItemClick }: Props) {
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
            ) : (
              <View className='order-items__image order-items__image--empty' />
            )}
            <View className='order-items__body'>
              <Text className='order-items__name'>{item.productName}</Text>
              <Text className='order-items__sku'>{item.skuName}</Text>
              {flagged ? <Text className='order-items__problem'>{problem.note}</Text> : null}
            </View>
            <View className='order-items__side'>
              <Price fen={item.unitPrice} size='sm' className='order-items__price' />
              <Text className='order-items__quantity'>×{item.quantity}</Text>
            </View>
          </View>
        );
      })}
    </View>
  );
}
