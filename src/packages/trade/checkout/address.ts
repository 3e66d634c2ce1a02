import Taro from '@tarojs/taro';
import { isMobilePhone } from '../../../core/phone';
import type { DeliveryAddress } from '../../../core/order/types';

const STORAGE_KEY = 'siyu.checkout.address';

export const EMPTY_ADDRESS: DeliveryAddress = { name: '', phone: '', region: '', detail: '' };

export type AddressErrors = Partial<Record<keyof DeliveryAddress, string>>;

/** What is missing or wrong in each field of an address (the server's rules: order contract); empty when complete. */
export function addressErrors(address: DeliveryAddress): AddressErrors {
  const errors: AddressErrors = {};
  if (!address.name.trim()) errors.name = '请填写收货人';
  if (!address.phone.trim()) errors.phone = '请填写手机号';
  else if (!isMobilePhone(address.phone)) errors.phone = '请填写 11 位手机号';
  if (!address.region.trim()) errors.region = '请选择所在地区';
  if (!address.detail.trim()) errors.detail = '请填写详细地址';
  return errors;
}

/** The first problem of an address, or null when complete. */
export function addressProblem(address: DeliveryAddress): string | null {
  const errors = addressErrors(address);
  return errors.name ?? errors.phone ?? errors.region ?? errors.detail ?? null;
}

export function trimAddress(address: DeliveryAddress): DeliveryAddress {
  return { name: address.name.trim(), phone: address.phone.trim(), region: address.region.trim(), detail: address.detail.trim() };
}

/** The address of the last delivery order, if any (and only if it is still valid: "12345" from before is dropped). */
export function loadLastAddress(): DeliveryAddress | null {
  try {
    const stored = Taro.getStorageSync(STORAGE_KEY) as Partial<DeliveryAddress> | '' | undefined;
    if (!stored || typeof stored !== 'object') return null;
    const address = { ...EMPTY_ADDRESS, ...pickStrings(stored) };
    return addressProblem(address) === null ? address : null;
  } catch {
    return null;
  }
}

export function saveLastAddress(address: DeliveryAddress): void {
  try {
    Taro.setStorageSync(STORAGE_KEY, trimAddress(address));
  } catch {
    // Remembering the address is a convenience; the order is placed either way.
  }
}

function pickStrings(value: Partial<DeliveryAddress>): Partial<DeliveryAddress> {
  const out: Partial<DeliveryAddress> = {};
  for (const key of ['name', 'phone', 'region', 'detail'] as const) {
    if (typeof value[key] === 'string') out[key] = value[key];
  }
  return out;
}
