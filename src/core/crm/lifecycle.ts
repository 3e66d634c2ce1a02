import type { LifecycleSettings } from './settings';

export const LIFECYCLE_STAGES = ['导入期', '成长期', '成熟期', '休眠期', '流失期'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

/**
 * The member's stage, first rule that holds:
 * 1. no net paid order → 导入期;
 * 2. last order more than lostDays ago → 流失期;
 * 3. last order at least dormantDays ago → 休眠期;
 * 4. first order at most newDays ago → 导入期;
 * 5. at least matureOrders net orders → 成熟期, else 成长期.
 */
export function lifecycleOf(
  facts: { netOrders: number; daysSinceFirst: number | null; daysSinceLast: number | null },
  settings: LifecycleSettings,
): LifecycleStage {
  if (facts.netOrders <= 0 || facts.daysSinceLast === null || facts.daysSinceFirst === null) return '导入期';
  if (facts.daysSinceLast > settings.lostDays) return '流失期';
  if (facts.daysSinceLast >= settings.dormantDays) return '休眠期';
  if (facts.daysSinceFirst <= settings.newDays) return '导入期';
  return facts.netOrders >= settings.matureOrders ? '成熟期' : '成长期';
}
