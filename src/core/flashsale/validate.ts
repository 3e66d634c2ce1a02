import { MAX_FLASH_SALE_SHARDS, type FlashSaleIssue } from '../contracts/flashsale';
import { formatPrice } from '../money';

/** A start a little in the past is "now": the operator's form and the network take a moment. */
export const START_GRACE_MS = 60_000;
export const MAX_PAYMENT_MINUTES = 30;

export interface SaleTerms {
  salePrice: number;
  quantity: number;
  startAt: number;
  endAt: number;
  perMemberLimit: number;
  shards: number;
  paymentMinutes: number;
}

export interface SkuOffer {
  /** The SKU's selling price (list price of the sale). */
  price: number;
  /** Units the sale may take: the SKU's stock (plus what the sale already holds, when editing). */
  available: number;
}

const isInt = (value: number): boolean => Number.isSafeInteger(value);

/** Every broken rule of a sale's terms (empty when valid). */
export function saleIssues(terms: SaleTerms, sku: SkuOffer, now: number): FlashSaleIssue[] {
  const issues: FlashSaleIssue[] = [];
  const add = (field: FlashSaleIssue['field'], message: string) => issues.push({ field, message });

  if (!isInt(terms.startAt) || terms.startAt < now - START_GRACE_MS) add('startAt', '开始时间不能早于当前时间');
  if (!isInt(terms.endAt) || terms.endAt <= terms.startAt) add('endAt', '结束时间必须晚于开始时间');
  if (!isInt(terms.salePrice) || terms.salePrice <= 0) add('salePrice', '秒杀价必须大于 0');
  else if (terms.salePrice >= sku.price) add('salePrice', `秒杀价必须低于原价 ${formatPrice(sku.price)}`);
  if (!isInt(terms.quantity) || terms.quantity < 1) add('quantity', '秒杀数量至少为 1');
  else if (terms.quantity > sku.available) add('quantity', `秒杀数量不能超过可用库存 ${Math.max(0, sku.available)}`);
  const limitProblem = perMemberLimitProblem(terms.perMemberLimit, terms.quantity);
  if (limitProblem) add('perMemberLimit', limitProblem);
  if (!isInt(terms.shards) || terms.shards < 1 || terms.shards > MAX_FLASH_SALE_SHARDS) {
    add('shards', `并发通道数应为 1–${MAX_FLASH_SALE_SHARDS}`);
  }
  if (!isInt(terms.paymentMinutes) || terms.paymentMinutes < 1 || terms.paymentMinutes > MAX_PAYMENT_MINUTES) {
    add('paymentMinutes', `支付时限应为 1–${MAX_PAYMENT_MINUTES} 分钟`);
  }
  return issues;
}

/**
 * The per-member limit's rule, shared by the server and the operator's form:
 * at least 1, and never more than the units on sale (a quantity that is
 * itself invalid is reported on its own field).
 */
export function perMemberLimitProblem(limit: number, quantity: number): string | null {
  if (!isInt(limit) || limit < 1) return '每人限购至少为 1';
  if (isInt(quantity) && quantity >= 1 && limit > quantity) return '每人限购不能超过秒杀数量';
  return null;
}
