import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, toastError } from '../../../api';
import type { OrderView } from '../../../core/contracts/order';
import { appendOrders, fetchOrderPage, FIRST_CURSOR, type OrderCursor } from './pager';
import type { OrderTab } from './tabs';

export interface OrderListState {
  status: 'loading' | 'ready' | 'error';
  items: OrderView[];
  error: string | null;
  /** The cursor of the next page; null when everything is shown. */
  next: OrderCursor | null;
  loadingMore: boolean;
}

const INITIAL: OrderListState = { status: 'loading', items: [], error: null, next: null, loadingMore: false };

/** One tab's orders, paged; a tab switch or a reload starts over and drops answers meant for the old one. */
export function useOrderList(tab: OrderTab) {
  const [state, setState] = useState<OrderListState>(INITIAL);
  const generation = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;
  const loadingMore = useRef(false);

  const reload = useCallback(
    async (quiet = false) => {
      const gen = ++generation.current;
      if (!quiet) setState(INITIAL);
      try {
        const { items, next } = await fetchOrderPage(tab, FIRST_CURSOR);
        if (gen === generation.current) setState({ status: 'ready', items, error: null, next, loadingMore: false });
      } catch (error) {
        if (gen !== generation.current) return;
        if (quiet && stateRef.current.status === 'ready') toastError(error);
        else setState({ ...INITIAL, status: 'error', error: errorMessage(error) });
      }
    },
    [tab],
  );

  const loadMore = useCallback(async () => {
    const current = stateRef.current;
    if (current.status !== 'ready' || loadingMore.current || !current.next) return;
    loadingMore.current = true;
    const gen = generation.current;
    setState({ ...current, loadingMore: true });
    try {
      const { items, next } = await fetchOrderPage(tab, current.next);
      if (gen === generation.current) setState((s) => ({ ...s, items: appendOrders(s.items, items), next, loadingMore: false }));
    } catch (error) {
      if (gen !== generation.current) return;
      toastError(error);
      setState((s) => ({ ...s, loadingMore: false }));
    } finally {
      loadingMore.current = false;
    }
  }, [tab]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { state, reload, loadMore };
}
