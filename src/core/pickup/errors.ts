import { AppError } from '../errors';

export const PickupErrorCode = {
  /** A buy that offers pickup named no store (STORE_NOT_FOUND: it named one that does not take pickups). */
  StoreRequired: 'PICKUP_STORE_REQUIRED',
} as const;

export const pickupErrors = {
  storeRequired: () => new AppError(PickupErrorCode.StoreRequired, '请选择自提门店或填写收货地址'),
};
