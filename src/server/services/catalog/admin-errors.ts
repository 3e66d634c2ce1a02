import { AppError } from '../../../core/errors';

/** Refusals of the operator's catalog actions. */
export const catalogAdminErrors = {
  categoryNotFound: (categoryId: string) => new AppError('CATEGORY_NOT_FOUND', '分类不存在，请重新选择', { categoryId }),
  productNotFound: (productId: string) => new AppError('PRODUCT_NOT_FOUND', '商品不存在', { productId }),
  skuNotOfProduct: (skuId: string) => new AppError('SKU_NOT_FOUND', '规格不属于该商品，请刷新后重试', { skuId }),
};
