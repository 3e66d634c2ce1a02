import {
  GROUP_BUY_MAX_MINUTES,
  GROUP_BUY_MAX_SIZE,
  GROUP_BUY_MIN_MINUTES,
  GROUP_BUY_MIN_SIZE,
} from '../contracts/groupbuy';
import { isPlausibleEpochMs } from '../contracts/fields';
import type { Fen } from '../money';
import type { ActivityIssue } from './errors';
import type { ActivityTerms } from './types';

/** A member may hold at most this many seats of one activity, whatever the operator sets. */
export const MAX_PER_MEMBER_LIMIT = 99;

const isInt = (value: number): boolean => Number.isSafeInteger(value);

/**
 * Every problem with an activity's terms (empty: valid). `skuPrice` is the
 * SKU's price now; `now` keeps a new or edited activity from ending in the past.
 */
export function activityIssues(terms: ActivityTerms, skuPrice: Fen, now: number): ActivityIssue[] {
  const issues: ActivityIssue[] = [];
  const issue = (field: string, message: string) => issues.push({ field, message });

  if (!isInt(terms.groupPrice) || terms.groupPrice <= 0) issue('groupPrice', '拼团价须为大于 0 的整数（分）');
  else if (terms.groupPrice >= skuPrice) issue('groupPrice', '拼团价须低于商品原价');

  if (!isInt(terms.groupSize) || terms.groupSize < GROUP_BUY_MIN_SIZE || terms.groupSize > GROUP_BUY_MAX_SIZE) {
    issue('groupSize', `成团人数须为 ${GROUP_BUY_MIN_SIZE}–${GROUP_BUY_MAX_SIZE} 人`);
  }
  if (!isInt(terms.timeLimitMinutes) || terms.timeLimitMinutes < GROUP_BUY_MIN_MINUTES || terms.timeLimitMinutes > GROUP_BUY_MAX_MINUTES) {
    issue('timeLimitMinutes', `成团时限须为 ${GROUP_BUY_MIN_MINUTES} 分钟到 ${GROUP_BUY_MAX_MINUTES / 60} 小时`);
  }
  if (!isInt(terms.perMemberLimit) || terms.perMemberLimit < 1 || terms.perMemberLimit > MAX_PER_MEMBER_LIMIT) {
    issue('perMemberLimit', `每人限参团次数须为 1–${MAX_PER_MEMBER_LIMIT}`);
  }
  // The contract refuses implausible times already; this keeps the rule whole for callers that skip it.
  if (!isPlausibleEpochMs(terms.startAt)) issue('startAt', '开始时间无效');
  else if (!isPlausibleEpochMs(terms.endAt) || terms.startAt >= terms.endAt) issue('endAt', '结束时间须晚于开始时间');
  else if (terms.endAt <= now) issue('endAt', '结束时间须晚于现在');

  const discount = terms.leaderDiscount;
  if (discount?.type === 'fen' && (!isInt(discount.amount) || discount.amount < 1 || discount.amount >= terms.groupPrice)) {
    issue('leaderDiscount', '团长优惠须大于 0 且低于拼团价');
  }
  if (discount?.type === 'bps' && (!isInt(discount.bps) || discount.bps < 1 || discount.bps >= 10000)) {
    issue('leaderDiscount', '团长优惠比例须在 0.01%–99.99% 之间');
  }
  return issues;
}
