import type { FlashSaleIssue } from '../contracts/flashsale';
import { AppError } from '../errors';

/** The refusals of flash sales; codes are pinned in contracts/flashsale.ts. */
export const flashSaleErrors = {
  notFound: (saleId: string) => new AppError('SALE_NOT_FOUND', '秒杀活动不存在', { saleId }),
  notStarted: (saleId: string, startAt: number) => new AppError('NOT_STARTED', '秒杀尚未开始', { saleId, startAt }),
  ended: (saleId: string) => new AppError('ENDED', '秒杀已结束', { saleId }),
  soldOut: (saleId: string) => new AppError('SOLD_OUT', '已抢光', { saleId }),
  limitExceeded: (saleId: string, limit: number, held = limit) =>
    new AppError('LIMIT_EXCEEDED', held >= limit ? `每人限购 ${limit} 件，您已达上限` : `每人限购 ${limit} 件，您还可以买 ${limit - held} 件`, { saleId, limit, held }),
  notEnoughLeft: (saleId: string, left: number) => new AppError('NOT_ENOUGH_LEFT', `只剩 ${left} 件了，请减少数量`, { saleId, left }),
  invalid: (issues: FlashSaleIssue[]) => new AppError('SALE_INVALID', issues[0]?.message ?? '秒杀设置不正确', { issues }),
  notEditable: (saleId: string, state: string) => new AppError('SALE_NOT_EDITABLE', '秒杀已开始或已结束，不能再修改', { saleId, state }),
  remindClosed: (saleId: string, state: string) => new AppError('REMIND_CLOSED', '秒杀已开始或已结束，无需提醒', { saleId, state }),
  busy: () => new AppError('SALE_BUSY', '抢购人数太多，请稍后再试'),
  skuNotFound: (skuId: string) => new AppError('SKU_NOT_FOUND', '商品规格不存在', { skuId }),
};
