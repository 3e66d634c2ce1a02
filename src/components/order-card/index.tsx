import { Button, Text, View } from '@tarojs/components';
import dayjs from 'dayjs';
import type { OrderView } from '../../core/contracts/order';
import { ORDER_CARD_ACTION_LABELS, type OrderCardAction } from '../../core/order/card-actions';
import { ORDER_STATUS_LABELS } from '../../core/order/status';
import { COUPON_FACE, isCouponRedemption, orderPoints } from '../../core/mall/order-display';
import MallPointsPrice from '../mall-points-price';
import Price from '../price';
import CloudImage from '../cloud-image';
import './index.scss';

interface Props {
  order: OrderView;
  onClick: (order: OrderView) => void;
  /** Buttons under the card (core/order/card-actions), the main one last. */
  actions?: OrderCardAction[];
  /** The action in flight on this card (its button spins, the others wait). */
  pending?: OrderCardAction | null;
  /** Another card's action is in flight. */
  busy?: boolean;
  onAction?: (order: OrderView, action: OrderCardAction) => void;
}

/** One order in the list: status, first item, how many pieces, the payable amount (a points-mall order: its points too) and when it was placed. */
export default function OrderCard({ order, onClick, actions = [], pending = null, busy = false, onAction }: Props) {
  const first = order.items[0];
  const pieces = order.items.reduce((sum, item) => sum + item.quantity, 0);
  const more = order.items.length - 1;
  const points = orderPoints(order);
  return (
    <View className='order-card' data-testid={`order-card-${order._id}`} onClick={() => onClick(order)}>
      <View className='order-card__head'>
        <Text className='order-card__time'>
          {dayjs(order.createdAt).format('YYYY-MM-DD HH:mm')}
          <Text className='order-card__no'>{` 订单号 ${order.orderNo}`}</Text>
        </Text>
        <Text className={`order-card__status order-card__status--${order.status.toLowerCase()}`}>
          {ORDER_STATUS_LABELS[order.status]}
        </Text>
      </View>
      {first ? (
        <View className='order-card__body'>
          {first.image ? (
            <CloudImage className='order-card__image' src={first.image} mode='aspectFill' lazyLoad />
          ) : isCouponRedemption(order) ? (
            <View className='order-card__image order-card__image--coupon'>
              <Text>{COUPON_FACE}</Text>
            </View>
          ) : (
            <View className='order-card__image' />
          )}
          <View className='order-card__info'>
            <Text className='order-card__name'>{first.productName}</Text>
            <Text className='order-card__sku'>
              {first.skuName}
              {more > 0 ? ` 等 ${order.items.length} 种商品` : ''}
            </Text>
          </View>
        </View>
      ) : null}
      <View className='order-card__foot'>
        <Text className='order-card__count'>共 {pieces} 件</Text>
        <Text className='order-card__label'>{order.paidAt ? '实付' : '应付'}</Text>
        {points > 0 ? (
          <MallPointsPrice points={points} cash={order.amounts.payable} size='md' />
        ) : (
          <Price fen={order.amounts.payable} size='md' />
        )}
      </View>
      {actions.length > 0 && onAction ? (
        <View className='order-card__actions'>
          {actions.map((action, index) => (
            <Button
              key={action}
              className={`order-card__action${index === actions.length - 1 ? ' order-card__action--primary' : ''}`}
              data-testid={`card-action-${action}`}
              disabled={busy || pending !== null}
              loading={pending === action}
              onClick={(e) => {
                e.stopPropagation();
                onAction(order, action);
              }}
            >
              {ORDER_CARD_ACTION_LABELS[action]}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}
