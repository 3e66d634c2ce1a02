import { DEFAULT_CRM_SETTINGS, type CrmSettings } from '../../../core/crm/settings'
import { parseCount, parseYuan, yuanText } from '../shared/money'

/**
 * The CRM definitions as typed: four thresholds per RFM dimension (spend in
 * yuan), the 高 cut points, lifecycle day counts and campaign settings.
 * Checked as crm.saveSettings' schema checks them (thresholds strictly
 * increasing, 休眠 < 流失, ranges).
 */
export type ThresholdKey = 'recencyDays' | 'orders' | 'spend'
export type NumberKey =
  | 'cutR'
  | 'cutF'
  | 'cutM'
  | 'newDays'
  | 'dormantDays'
  | 'lostDays'
  | 'matureOrders'
  | 'messagesPer7Days'
  | 'windowDays'
  | 'defaultHoldoutPct'

export interface CrmSettingsForm {
  recencyDays: string[]
  orders: string[]
  spend: string[]
  values: Record<NumberKey, string>
}

export type CrmSettingsErrors = Partial<Record<ThresholdKey | NumberKey, string>>

export interface NumberSpec {
  key: NumberKey
  label: string
  unit: string
  min: number
  max: number
  help: string
  of: (s: CrmSettings) => number
}

export const NUMBER_SPECS: NumberSpec[] = [
  { key: 'cutR', label: 'R 高分线', unit: '分', min: 1, max: 5, help: 'R 分不低于此为「高」', of: (s) => s.rfm.highCut.r },
  { key: 'cutF', label: 'F 高分线', unit: '分', min: 1, max: 5, help: 'F 分不低于此为「高」', of: (s) => s.rfm.highCut.f },
  { key: 'cutM', label: 'M 高分线', unit: '分', min: 1, max: 5, help: 'M 分不低于此为「高」', of: (s) => s.rfm.highCut.m },
  { key: 'newDays', label: '导入期', unit: '天', min: 1, max: 3650, help: '首单后这么多天内为导入期', of: (s) => s.lifecycle.newDays },
  { key: 'dormantDays', label: '休眠期', unit: '天', min: 1, max: 3650, help: '这么多天未下单进入休眠期', of: (s) => s.lifecycle.dormantDays },
  { key: 'lostDays', label: '流失期', unit: '天', min: 1, max: 3650, help: '超过这么多天未下单为流失期，须大于休眠天数', of: (s) => s.lifecycle.lostDays },
  { key: 'matureOrders', label: '成熟期订单数', unit: '单', min: 2, max: 10_000, help: '活跃会员达到这么多单为成熟期，否则为成长期', of: (s) => s.lifecycle.matureOrders },
  { key: 'messagesPer7Days', label: '消息频次上限', unit: '条/7天', min: 0, max: 20, help: '每位会员 7 天内最多收到的营销消息', of: (s) => s.campaign.messagesPer7Days },
  { key: 'windowDays', label: '效果统计窗口', unit: '天', min: 1, max: 90, help: '发放后这么多天内的订单计入活动效果', of: (s) => s.campaign.windowDays },
  { key: 'defaultHoldoutPct', label: '默认对照组', unit: '%', min: 0, max: 50, help: '新建活动时对照组比例的默认值', of: (s) => s.campaign.defaultHoldoutPct }
]

export const THRESHOLD_SPECS: Array<{ key: ThresholdKey; label: string; unit: string; help: string; of: (s: CrmSettings) => string[] }> = [
  { key: 'recencyDays', label: 'R 近度', unit: '天', help: '距上次消费超过这些天数，R 分依次从 5 降到 1', of: (s) => s.rfm.recencyDays.map(String) },
  { key: 'orders', label: 'F 频度', unit: '单', help: '净订单数达到这些单数，F 分依次从 1 升到 5', of: (s) => s.rfm.orders.map(String) },
  { key: 'spend', label: 'M 额度', unit: '元', help: '净消费达到这些金额，M 分依次从 1 升到 5', of: (s) => s.rfm.spendFen.map((fen) => yuanText(fen).replace(/\.00$/, '')) }
]

export function formOfSettings(s: CrmSettings): CrmSettingsForm {
  return {
    recencyDays: s.rfm.recencyDays.map(String),
    orders: s.rfm.orders.map(String),
    spend: THRESHOLD_SPECS[2]!.of(s),
    values: Object.fromEntries(NUMBER_SPECS.map((spec) => [spec.key, String(spec.of(s))])) as Record<NumberKey, string>
  }
}

export const defaultsText = (key: ThresholdKey): string => THRESHOLD_SPECS.find((t) => t.key === key)!.of(DEFAULT_CRM_SETTINGS).join(' / ')
export const defaultOf = (key: NumberKey): number => NUMBER_SPECS.find((n) => n.key === key)!.of(DEFAULT_CRM_SETTINGS)

type Four = [number, number, number, number]

function thresholds(texts: string[], parse: (t: string) => number | null, max: number, maxLabel = String(max)): { value?: Four; error?: string } {
  const values = texts.map((t) => parse(t))
  if (values.length !== 4 || values.some((v) => v === null)) return { error: '请填写 4 个数' }
  const v = values as number[]
  if (v.some((x) => x < 0 || x > max)) return { error: `每个数须在 0–${maxLabel} 之间` }
  if (!(v[0]! < v[1]! && v[1]! < v[2]! && v[2]! < v[3]!)) return { error: '阈值须严格递增' }
  return { value: v as Four }
}

export function checkSettingsForm(form: CrmSettingsForm): { errors: CrmSettingsErrors; settings: CrmSettings | null } {
  const errors: CrmSettingsErrors = {}
  const r = thresholds(form.recencyDays, parseCount, 3650)
  const f = thresholds(form.orders, parseCount, 100_000)
  const m = thresholds(form.spend, parseYuan, 1_000_000_00, '1000000 元')
  if (r.error) errors.recencyDays = r.error
  if (f.error) errors.orders = f.error
  if (m.error) errors.spend = m.error
  const n = {} as Record<NumberKey, number>
  for (const spec of NUMBER_SPECS) {
    const value = parseCount(form.values[spec.key])
    if (value === null || value < spec.min || value > spec.max) errors[spec.key] = `请填写 ${spec.min}–${spec.max} 的整数`
    else n[spec.key] = value
  }
  if (!errors.dormantDays && !errors.lostDays && n.dormantDays >= n.lostDays) errors.lostDays = '休眠天数须小于流失天数'
  if (Object.keys(errors).length > 0 || !r.value || !f.value || !m.value) return { errors, settings: null }
  return {
    errors,
    settings: {
      rfm: { recencyDays: r.value, orders: f.value, spendFen: m.value, highCut: { r: n.cutR, f: n.cutF, m: n.cutM } },
      lifecycle: { newDays: n.newDays, dormantDays: n.dormantDays, lostDays: n.lostDays, matureOrders: n.matureOrders },
      campaign: { messagesPer7Days: n.messagesPer7Days, windowDays: n.windowDays, defaultHoldoutPct: n.defaultHoldoutPct }
    }
  }
}
