import { Button, View } from '@tarojs/components';
import { ORDER_ACTION_LABELS, type OrderAction } from './actions';
import './index.scss';

interface Props {
  actions: OrderAction[];
  /** The action in flight: every button is disabled meanwhile, and it shows a spinner. */
  pending: OrderAction | null;
  onAction: (action: OrderAction) => void;
}

/** The order's action bar, fixed at the bottom; the last action is the primary one. */
export default function OrderActions({ actions, pending, onAction }: Props) {
  if (actions.length === 0) return null;
  return (
    <View className='order-actions' data-testid='order-actions'>
      {actions.map((action, index) => (
        <Button
          key={action}
          className={`order-actions__button${index === actions.length - 1 ? ' order-actions__button--primary' : ''}${pending !== null ? ' order-actions__button--off' : ''}`}
          data-testid={`order-action-${action}`}
          disabled={pending !== null}
          loading={pending === action}
          onClick={() => onAction(action)}
        >
          {ORDER_ACTION_LABELS[action]}
        </Button>
      ))}
    </View>
  );
}

export { orderActionsFor, ORDER_ACTION_LABELS, type OrderAction } from './actions';
