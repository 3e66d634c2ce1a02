import Taro from '@tarojs/taro';
import type { DeliveryAddress } from '../../../core/order/types';

const STORAGE_KEY = 'siyu.checkout.address';
/** The server's rule (order contract). */
const PHONE = /^[0-9+\- ]{5,20}$/;

export const EMPTY_ADDRESS: DeliveryAddress = { name: '', phone: '', region: '', detail: '' };

/** What is missing or wrong in an address, first problem first; null when complete. */
export function addressProblem(address: DeliveryAddress): string | null {
  if (!address.name.trim()) return '请填写收货人';
  if (!address.phone.trim()) return '请填写手机号';
  if (!PHONE.test(address.phone.trim())) return '手机号格式不正确';
  if (!address.region.trim()) return '请填写所在地区';
  if (!address.detail.trim()) return '请填写详细地址';
  return null;
}

export function trimAddress(address: DeliveryAddress): DeliveryAddress {
  return { name: address.name.trim(), phone: address.phone.trim(), region: address.region.trim(), detail: address.detail.trim() };
}

/** The address of the last delivery order, if any. */
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
