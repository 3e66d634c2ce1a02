import type { LatLng } from './distance';

/** A store as the customer sees it when choosing where to pick up, and on the order page. */
export interface PickupStoreView {
  storeId: string;
  name: string;
  address: string;
  phone: string | null;
  /** "09:00–21:30", or null when the store has not said. */
  hours: string | null;
  location: LatLng | null;
}

/** The fields of a `stores` document this view reads (the seed and operators write them). */
export interface StoreFields {
  name: string;
  address?: string;
  phone?: string;
  hours?: { open: string; close: string };
  location?: LatLng;
  pickupEnabled?: boolean;
  sort?: number;
}

export function toPickupStoreView(store: StoreFields & { _id: string }): PickupStoreView {
  const location = store.location && Number.isFinite(store.location.latitude) && Number.isFinite(store.location.longitude) ? store.location : null;
  return {
    storeId: store._id,
    name: store.name,
    address: store.address ?? '',
    phone: store.phone || null,
    hours: store.hours ? `${store.hours.open}–${store.hours.close}` : null,
    location: location ? { latitude: location.latitude, longitude: location.longitude } : null,
  };
}
