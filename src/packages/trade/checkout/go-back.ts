import Taro from '@tarojs/taro';
import type { CheckoutSource } from './params';

/** Back to where the customer came from; a checkout opened directly goes to the product or the cart. */
export function leaveCheckout(source: CheckoutSource | null): void {
  if (Taro.getCurrentPages().length > 1) {
    void Taro.navigateBack();
  } else if (source?.source === 'buyNow' && source.productId) {
    void Taro.redirectTo({ url: `/pages/product/index?id=${encodeURIComponent(source.productId)}` });
  } else {
    void Taro.switchTab({ url: '/pages/cart/index' });
  }
}
