import dayjs from 'dayjs'
import type { CampaignState, Incentive, JourneyTrigger } from '../../../../core/contracts/crm'
import type { Arm } from '../../../../core/crm/holdout'
import type { LifecycleStage } from '../../../../core/crm/lifecycle'
import type { Verdict } from '../../../../core/crm/uplift'

export const CAMPAIGN_STATE_LABELS: Record<CampaignState, { label: string; tone: string }> = {
  SCHEDULED: { label: '待开始', tone: 'scheduled' },
  RUNNING: { label: '发放中', tone: 'live' },
  PAUSED: { label: '已暂停', tone: 'off' },
  DELIVERED: { label: '已发放', tone: 'done' },
  CANCELLED: { label: '已取消', tone: 'off' }
}

/** A journey's state reads as on or off: it never "delivers" once. */
export function journeyStateLabel(state: CampaignState): { label: string; tone: string } {
  if (state === 'CANCELLED') return { label: '已停用', tone: 'off' }
  if (state === 'PAUSED') return { label: '已暂停', tone: 'off' }
  return { label: '运行中', tone: 'live' }
}

export const VERDICT_TONES: Record<Verdict, 'up' | 'flat' | 'down'> = { 显著提升: 'up', 无显著差异: 'flat', 显著下降: 'down' }

export const ARM_LABELS: Record<Arm, string> = { target: '目标组', holdout: '对照组' }

/** The `crm-stage--<tone>` colour of each stage (crm.scss): new blue, growing teal, mature green, dormant amber, lost grey. */
export const LIFECYCLE_TONES: Record<LifecycleStage, string> = { 导入期: 'new', 成长期: 'growing', 成熟期: 'mature', 休眠期: 'dormant', 流失期: 'lost' }

export function triggerLabel(trigger: JourneyTrigger): string {
  switch (trigger.type) {
    case 'lifecycle':
      return `进入${trigger.stage}`
    case 'birthdayMonth':
      return '生日月'
    case 'noSecondOrder':
      return `首单后 ${trigger.days} 天未复购`
    case 'idleCart':
      return `购物车 ${trigger.hours} 小时未结算`
  }
}

export function incentiveLabel(incentive: Incentive, couponTitle?: string | null): string {
  if (incentive.type === 'coupon') return couponTitle ? `优惠券 · ${couponTitle}` : '优惠券'
  if (incentive.type === 'points') return `${incentive.points} 积分`
  return '无激励'
}

/** `2026-03-05`; 从未 when there is no such time. */
export const dayText = (at: number | null | undefined, never = '—'): string => (at ? dayjs(at).format('YYYY-MM-DD') : never)
export const minuteText = (at: number | null | undefined): string => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—')

/** 0.1234 → "12.3%". */
export const percentText = (ratio: number, digits = 1): string => `${(ratio * 100).toFixed(digits)}%`

/** A signed percentage-point difference: 0.021 → "+2.1 个百分点". */
export const pointsText = (diff: number): string => `${diff >= 0 ? '+' : ''}${(diff * 100).toFixed(1)} 个百分点`
