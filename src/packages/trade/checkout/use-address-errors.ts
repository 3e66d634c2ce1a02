import { useState } from 'react';
import type { DeliveryAddress } from '../../../core/order/types';
import { addressErrors, type AddressErrors } from './address';

export interface AddressErrorState {
  /** The problems to show now: a field's once it lost focus, every field's after a submit. */
  shown: AddressErrors;
  /** A field lost focus (or was picked): its problem shows from now on. */
  touch: (key: keyof DeliveryAddress) => void;
  /** A submit: every problem shows; answers whether the address is complete. */
  reveal: () => boolean;
}

/** Inline per-field address errors for checkout, the group-buy sheet and the points mall (no toasts). */
export function useAddressErrors(address: DeliveryAddress): AddressErrorState {
  const [touched, setTouched] = useState<Set<keyof DeliveryAddress>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const all = addressErrors(address);
  const shown: AddressErrors = submitted ? all : Object.fromEntries(Object.entries(all).filter(([key]) => touched.has(key as keyof DeliveryAddress)));
  return {
    shown,
    touch: (key) => setTouched((previous) => (previous.has(key) ? previous : new Set(previous).add(key))),
    reveal: () => {
      setSubmitted(true);
      return Object.keys(all).length === 0;
    },
  };
}
