import { createHash } from 'crypto';
import type { z } from 'zod';
import { MAX_SAVED_ADDRESSES, SaveAddressInput as SaveAddressSchema, type AddressBookView, type SavedAddressView } from '../../../core/contracts/order-address';
import { AppError } from '../../../core/errors';
import { inputFingerprint, reusedKeyError } from '../../kit/input-fingerprint';
import type { Transaction } from '../../db';
import type { ServiceDeps } from './deps';
import { Refusal, refuse, transact } from './transact';

/**
 * The address book: one document per customer (`address_books`, `_id` =
 * openid), so "one default" is a field of that document and a customer
 * reaches no one else's. Every change is one transaction on it. A save is
 * keyed by its requestId: a new address's id derives from it, and the last
 * requests are kept with their input's fingerprint, so a retry answers the
 * same book and a reused requestId with other input is refused.
 */
export const ADDRESS_BOOKS = 'address_books';
const SCOPE = 'addr';
const REQUESTS_KEPT = 20;

interface SavedAddress {
  addressId: string;
  name: string;
  phone: string;
  region: string;
  regionCode: string | null;
  detail: string;
  createdAt: number;
  updatedAt: number;
}

export interface AddressBookDoc {
  addresses: SavedAddress[];
  defaultId: string | null;
  requests: Array<{ requestId: string; inputHash: string; addressId: string }>;
  updatedAt: number;
}

const EMPTY: AddressBookDoc = { addresses: [], defaultId: null, requests: [] as AddressBookDoc['requests'], updatedAt: 0 };

export const addressErrors = {
  notFound: (addressId: string) => new AppError('ADDRESS_NOT_FOUND', '地址不存在或已删除', { addressId }),
  full: (max: number) => new AppError('ADDRESS_BOOK_FULL', `最多保存 ${max} 个地址，请先删除不用的地址`, { max }),
};

type SaveRequest = z.output<typeof SaveAddressSchema>;

export async function listAddresses(deps: ServiceDeps, openid: string): Promise<AddressBookView> {
  const { data } = await deps.db.collection<AddressBookDoc>(ADDRESS_BOOKS).doc(openid).get();
  return bookView(data[0] ?? EMPTY);
}

export async function saveAddress(deps: ServiceDeps, openid: string, input: SaveRequest): Promise<AddressBookView & { saved: SavedAddressView }> {
  const fingerprint = inputFingerprint(SCOPE, openid, input);
  const now = deps.now();
  const addressId = input.addressId ?? newAddressId(openid, input.requestId);
  const book = await change(deps, openid, (current) => {
    const earlier = current.requests.find((r) => r.requestId === input.requestId);
    if (earlier) {
      const reused = reusedKeyError(earlier.inputHash, fingerprint);
      return reused ? refuse(reused) : null;
    }
    const existing = current.addresses.find((a) => a.addressId === addressId);
    if (input.addressId && !existing) return refuse(addressErrors.notFound(input.addressId));
    if (!existing && current.addresses.length >= MAX_SAVED_ADDRESSES) return refuse(addressErrors.full(MAX_SAVED_ADDRESSES));
    const saved: SavedAddress = {
      addressId,
      name: input.name,
      phone: input.phone,
      region: input.region,
      regionCode: input.regionCode ?? null,
      detail: input.detail,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    const addresses = existing ? current.addresses.map((a) => (a.addressId === addressId ? saved : a)) : [...current.addresses, saved];
    const defaultId = input.isDefault || current.defaultId === null ? addressId : current.defaultId;
    const requests = [...current.requests, { requestId: input.requestId, inputHash: fingerprint, addressId }].slice(-REQUESTS_KEPT);
    return { addresses, defaultId, requests, updatedAt: now };
  });
  const view = bookView(book);
  const saved = view.items.find((a) => a.addressId === addressId);
  // A replay whose address was deleted since: the request is answered, the address is gone.
  if (!saved) throw addressErrors.notFound(addressId);
  return { ...view, saved };
}

export async function deleteAddress(deps: ServiceDeps, openid: string, addressId: string): Promise<AddressBookView> {
  const now = deps.now();
  // Deleting what is already gone answers the book: a retried delete is not an error.
  const book = await change(deps, openid, (current) => {
    if (!current.addresses.some((a) => a.addressId === addressId)) return null;
    const addresses = current.addresses.filter((a) => a.addressId !== addressId);
    const defaultId = current.defaultId === addressId ? (newest(addresses)?.addressId ?? null) : current.defaultId;
    return { ...current, addresses, defaultId, updatedAt: now };
  });
  return bookView(book);
}

export async function setDefaultAddress(deps: ServiceDeps, openid: string, addressId: string): Promise<AddressBookView> {
  const now = deps.now();
  const book = await change(deps, openid, (current) => {
    if (!current.addresses.some((a) => a.addressId === addressId)) return refuse(addressErrors.notFound(addressId));
    if (current.defaultId === addressId) return null;
    return { ...current, defaultId: addressId, updatedAt: now };
  });
  return bookView(book);
}

/** Reads the book, asks `next` for the new one (null: unchanged), writes it; answers the book as it is after. */
async function change(deps: ServiceDeps, openid: string, next: (book: AddressBookDoc) => AddressBookDoc | null | Refusal): Promise<AddressBookDoc> {
  return transact(deps.db, async (tx: Transaction) => {
    const ref = tx.collection<AddressBookDoc>(ADDRESS_BOOKS).doc(openid);
    // The stored document without its `_id` (a set must not carry it).
    const { _id: _stored, ...current } = ((await ref.get()).data ?? EMPTY) as AddressBookDoc & { _id?: string };
    const updated = next(current);
    if (updated instanceof Refusal) return updated;
    if (updated === null) return current;
    await ref.set(updated);
    return updated;
  });
}

function newAddressId(openid: string, requestId: string): string {
  return `ad_${createHash('sha256').update(`${openid}\n${requestId}`).digest('hex').slice(0, 24)}`;
}

const newest = (addresses: SavedAddress[]): SavedAddress | undefined => [...addresses].sort((a, b) => b.updatedAt - a.updatedAt)[0];

function bookView(book: AddressBookDoc): AddressBookView {
  const items = book.addresses
    .map<SavedAddressView>((a) => ({
      addressId: a.addressId,
      name: a.name,
      phone: a.phone,
      region: a.region,
      regionCode: a.regionCode,
      detail: a.detail,
      isDefault: a.addressId === book.defaultId,
      updatedAt: a.updatedAt,
    }))
    .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || b.updatedAt - a.updatedAt);
  return { items, defaultId: book.defaultId, max: MAX_SAVED_ADDRESSES };
}


