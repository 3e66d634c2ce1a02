import { AppError } from '../../core/errors';
import { KitErrorCode } from '../../core/envelope';

/** A field that failed validation: `path` is dotted (`items.0.skuId`), empty for the whole input. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The kit's own refusals, as AppErrors with human (Chinese) messages. */
export const kitErrors = {
  invalidEvent: (reason: string) =>
    new AppError(KitErrorCode.InvalidArgument, `请求格式不正确：${reason}`),
  invalidData: (fields: FieldIssue[]) =>
    new AppError(KitErrorCode.InvalidArgument, '请求参数不正确', { fields }),
  unknownAction: (action: string) =>
    // Echo only the name the caller sent; never list the actions that exist.
    new AppError(KitErrorCode.UnknownAction, `不支持的操作：${truncate(action, 64)}`),
  unauthenticated: () => new AppError(KitErrorCode.Unauthenticated, '请先登录'),
  forbidden: () => new AppError(KitErrorCode.Forbidden, '没有权限执行此操作'),
  busy: () => new AppError(KitErrorCode.Busy, '当前访问人数较多，请稍后重试'),
  payloadTooLarge: (bytes: number, limit: number) =>
    new AppError(KitErrorCode.PayloadTooLarge, '请求数据过大', { bytes, limit }),
};

export const INTERNAL_MESSAGE = '服务暂时出了点问题，请稍后再试';

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
