import Taro from '@tarojs/taro';

/** The address book in select mode hands the checkout the address tapped (read once on the checkout's next show). */
const KEY = 'siyu.checkout.pickedAddress';

export function handPickedAddress(addressId: string): void {
  try {
    Taro.setStorageSync(KEY, addressId);
  } catch {
    // The checkout then keeps its address; the customer can pick again.
  }
}

export function takePickedAddress(): string | null {
  try {
    const id = Taro.getStorageSync(KEY) as unknown;
    if (typeof id !== 'string' || !id) return null;
    Taro.removeStorageSync(KEY);
    return id;
  } catch {
    return null;
  }
}
