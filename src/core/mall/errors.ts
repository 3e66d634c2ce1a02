import { AppError } from '../errors';

/** The refusals of the points mall. */
export const mallErrors = {
  itemNotFound: (itemId: string) => new AppError('MALL_ITEM_NOT_FOUND', '兑换商品不存在', { itemId }),
  offSale: (itemId: string) => new AppError('MALL_ITEM_OFF_SALE', '兑换商品已下架', { itemId }),
  soldOut: (itemId: string) => new AppError('MALL_SOLD_OUT', '兑换商品已被兑完', { itemId }),
  limitReached: (itemId: string, limit: number) =>
    new AppError('MALL_LIMIT_REACHED', `每人限兑 ${limit} 件，您已兑满`, { itemId, limit }),
  insufficientPoints: (needed: number, balance: number) =>
    new AppError('INSUFFICIENT_POINTS', `积分不足，需要 ${needed} 积分，当前 ${balance} 积分`, { needed, balance }),
};
