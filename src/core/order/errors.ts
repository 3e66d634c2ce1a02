import { AppError } from '../errors';

/** The business refusals of catalog, cart and order, with the messages customers read. */
export const orderErrors = {
  skuNotFound: (skuId: string) => new AppError('SKU_NOT_FOUND', '商品规格不存在或已下架', { skuId }),
  productNotFound: (productId: string) => new AppError('PRODUCT_NOT_FOUND', '商品不存在', { productId }),
  productOffSale: (productId: string, skuId?: string) =>
    new AppError('PRODUCT_OFF_SALE', '商品已下架', skuId ? { productId, skuId } : { productId }),
  outOfStock: (skuId: string, available: number, name?: string) =>
    new AppError('OUT_OF_STOCK', name ? `「${name}」库存不足，仅剩 ${available} 件` : `库存不足，仅剩 ${available} 件`, {
      skuId,
      available,
    }),
  quantityInvalid: (quantity: number, max: number) =>
    new AppError('QUANTITY_INVALID', `购买数量需在 1–${max} 之间`, { quantity, max }),
  cartLimit: (reason: 'lines' | 'quantity', max: number) =>
    new AppError(
      'CART_LIMIT',
      reason === 'lines' ? `购物车最多放 ${max} 种商品` : `单件商品最多加购 ${max} 件`,
      { reason, max },
    ),
  cartItemNotFound: (skuId: string) => new AppError('CART_ITEM_NOT_FOUND', '购物车中没有这件商品', { skuId }),
  orderNotFound: (orderId: string) => new AppError('ORDER_NOT_FOUND', '订单不存在', { orderId }),
  orderExpired: (orderId: string) => new AppError('ORDER_EXPIRED', '订单已超时，请重新下单', { orderId }),
  storeNotFound: (storeId: string) => new AppError('STORE_NOT_FOUND', '自提门店不存在或暂不支持自提', { storeId }),
  addressRequired: () => new AppError('ADDRESS_REQUIRED', '请填写收货地址'),
  notForPickup: (orderId: string) =>
    new AppError('ORDER_STATE_INVALID', '自提订单无需发货', { orderId, fulfillment: 'pickup' }),
  paymentUnavailable: () => new AppError('PAYMENT_UNAVAILABLE', '支付服务暂不可用，请稍后再试'),
  paymentFailed: (details?: Record<string, unknown>) => new AppError('PAYMENT_FAILED', '发起支付失败，请稍后再试', details),
};
