import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, errorMessage, toastError } from '../../../api';
import type { OrderView } from '../../../core/contracts/order';

export type OrderState =
  | { status: 'loading' }
  | { status: 'error'; message: string; code: string | null }
  | { status: 'ready'; order: OrderView };

/** One of the customer's orders; `reload(true)` refreshes it in place (a failure then only toasts). */
export function useOrder(orderId: string) {
  const [state, setState] = useState<OrderState>(orderId ? { status: 'loading' } : { status: 'error', message: '缺少订单编号', code: 'ORDER_NOT_FOUND' });
  const generation = useRef(0);
  const ready = useRef(false);

  const reload = useCallback(
    async (quiet = false) => {
      if (!orderId) return;
      const gen = ++generation.current;
      if (!quiet || !ready.current) setState({ status: 'loading' });
      try {
        const order = await call('order', 'get', { orderId });
        if (gen !== generation.current) return;
        ready.current = true;
        setState({ status: 'ready', order });
      } catch (error) {
        if (gen !== generation.current) return;
        if (quiet && ready.current) toastError(error);
        else setState({ status: 'error', message: errorMessage(error), code: error instanceof ApiError ? error.code : null });
      }
    },
    [orderId],
  );

  /** An action answered the order as it is now. */
  const replace = useCallback((order: OrderView) => {
    generation.current += 1;
    ready.current = true;
    setState({ status: 'ready', order });
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload, replace };
}
