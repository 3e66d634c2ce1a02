import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../../../api';
import type { AddressBookView, SavedAddressView } from '../../../core/contracts/order-address';
import type { DeliveryAddress } from '../../../core/order/types';
import { takePickedAddress } from '../shared/picked-address';
import { EMPTY_ADDRESS, loadLastAddress } from './address';

export type BookState = { status: 'loading' } | { status: 'ready'; book: AddressBookView } | { status: 'failed' };

/**
 * Where a delivery goes: a saved address (the default, or the one picked in
 * the address book) when the customer has any; else the form, pre-filled
 * with the last order's address. A failing book falls back to the form.
 */
export function useCheckoutAddress() {
  const [state, setState] = useState<BookState>({ status: 'loading' });
  const [pickedId, setPickedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<DeliveryAddress>(() => loadLastAddress() ?? EMPTY_ADDRESS);
  const shown = useRef(false);

  const load = useCallback(async () => {
    try {
      const book = await call('order', 'addresses', {});
      setState({ status: 'ready', book });
    } catch {
      setState((previous) => (previous.status === 'ready' ? previous : { status: 'failed' }));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  // Back from the address book: the address picked there, and the book as it is now (added, edited, deleted).
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true;
      return;
    }
    const picked = takePickedAddress();
    if (picked) setPickedId(picked);
    void load();
  });

  const items = state.status === 'ready' ? state.book.items : [];
  const saved: SavedAddressView | null = items.find((a) => a.addressId === pickedId) ?? items.find((a) => a.isDefault) ?? items[0] ?? null;
  const address: DeliveryAddress = saved ? { name: saved.name, phone: saved.phone, region: saved.region, detail: saved.detail } : draft;

  return { loading: state.status === 'loading', saved, address, draft, setDraft };
}
