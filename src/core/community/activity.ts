import { addDays, chinaDay } from '../points/china-day';
import type { Fen } from '../money';
import type { ActivityItem, CommunityActivityDoc } from './types';

/** Why an activity takes no order now, or null when it does. */
export type ActivityClosedReason = 'NOT_STARTED' | 'CUT_OFF' | 'CLOSED';

/** An activity takes orders from its start until (not at) its cut-off, unless an operator closed it. */
export function activityClosedReason(activity: Pick<CommunityActivityDoc, 'status' | 'startAt' | 'cutoffAt'>, now: number): ActivityClosedReason | null {
  if (activity.status === 'CLOSED') return 'CLOSED';
  if (now < activity.startAt) return 'NOT_STARTED';
  if (now >= activity.cutoffAt) return 'CUT_OFF';
  return null;
}

export const isActivityOpen = (activity: Pick<CommunityActivityDoc, 'status' | 'startAt' | 'cutoffAt'>, now: number): boolean =>
  activityClosedReason(activity, now) === null;

/** Goods reach the leaders' points the day after the cut-off (Asia/Shanghai): `YYYY-MM-DD`. */
export const pickupDateOf = (cutoffAt: number): string => addDays(chinaDay(cutoffAt), 1);

/** What a unit of `skuId` costs in the activity: its activity price, else the SKU's price; null when the SKU is not in it. */
export function activityUnitPrice(items: readonly ActivityItem[], skuId: string, skuPrice: Fen): Fen | null {
  const item = items.find((i) => i.skuId === skuId);
  if (!item) return null;
  return item.price ?? skuPrice;
}

/** `1 月 7 日（周三）` for a `YYYY-MM-DD`. */
export function pickupDateLabel(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const weekday = '日一二三四五六'[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${m} 月 ${d} 日（周${weekday}）`;
}
