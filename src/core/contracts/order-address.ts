// Namespace import keeps esbuild from bundling every zod locale (see system.ts).
import * as z from 'zod';
import { Id, IdMatching, MobilePhone, RequestId, SingleLineText as Text } from './fields';

/**
 * The customer's address book (issue 12): several delivery addresses, one
 * default. Customer-only; the book is the caller's own (its `_id` is their
 * openid), so no one reads or changes another's.
 */

export const MAX_SAVED_ADDRESSES = 20;

/** A 6-digit county code (GB/T 2260) from the region picker, so it opens where the address is. */
const RegionCode = IdMatching(/^\d{6}$/, '地区编码格式不正确');

export const SaveAddressInput = z.object({
  /** One per save intent: a new address's id is derived from it, so a retry saves it once. */
  requestId: RequestId,
  /** Given: edit that address; absent: a new one. */
  addressId: Id.optional(),
  name: Text(32, 1),
  phone: MobilePhone,
  /** 省 市 区, as the picker (or WeChat's address) joins them. */
  region: Text(100, 1),
  regionCode: RegionCode.optional(),
  detail: Text(200, 1),
  isDefault: z.boolean().default(false),
});

export const AddressIdInput = z.object({ addressId: Id });
export const ListAddressesInput = z.object({});

export const orderAddressContracts = {
  addresses: { input: ListAddressesInput },
  saveAddress: { input: SaveAddressInput },
  deleteAddress: { input: AddressIdInput },
  setDefaultAddress: { input: AddressIdInput },
};

export const AddressErrorCode = {
  AddressNotFound: 'ADDRESS_NOT_FOUND',
  AddressBookFull: 'ADDRESS_BOOK_FULL',
} as const;

export interface SavedAddressView {
  addressId: string;
  name: string;
  /** The owner's own number, in full. */
  phone: string;
  region: string;
  regionCode: string | null;
  detail: string;
  isDefault: boolean;
  updatedAt: number;
}

export interface AddressBookView {
  /** The default first, then the most recently changed. */
  items: SavedAddressView[];
  defaultId: string | null;
  max: number;
}

export interface OrderAddressOutputs {
  addresses: AddressBookView;
  saveAddress: AddressBookView & { saved: SavedAddressView };
  deleteAddress: AddressBookView;
  setDefaultAddress: AddressBookView;
}

export type SaveAddressInput = z.input<typeof SaveAddressInput>;
