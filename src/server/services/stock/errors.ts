import { AppError } from '../../../core/errors';

export const stockErrors = {
  skuNotFound: (skuId: string) => new AppError('SKU_NOT_FOUND', '商品规格不存在', { skuId }),
  negative: (skuId: string, stock: number, delta: number) =>
    new AppError('STOCK_NEGATIVE', `库存不足：当前库存 ${stock}，不能减少 ${-delta}`, { skuId, stock, delta }),
  cursorInvalid: () => new AppError('CURSOR_INVALID', '分页位置无效，请从第一页重新查询'),
};
