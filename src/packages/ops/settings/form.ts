import { SETTING_SPECS, settingText, type SettingSpec, type SettingsView, type UpdateSettingsCommand } from '../../../core/contracts/settings'

/** The fields of the settings page, grouped as the server keeps them (one settings document per group). */
export const SETTINGS_GROUPS = [
  { group: 'stock', title: '库存', fields: ['lowStockThreshold'] },
  { group: 'order', title: '订单与退款', fields: ['payMinutes', 'refundAutoApproveHours'] },
  { group: 'wallet', title: '储值', fields: ['confirmAboveFen'] }
] as const

export type SettingsGroup = (typeof SETTINGS_GROUPS)[number]['group']
/** `group.field`, as the server names a refused field's path. */
export type SettingKey = 'stock.lowStockThreshold' | 'order.payMinutes' | 'order.refundAutoApproveHours' | 'wallet.confirmAboveFen'

export type SettingsForm = Record<SettingKey, string>
export type SettingsErrors = Partial<Record<SettingKey, string>>

export const SETTING_KEYS: SettingKey[] = SETTINGS_GROUPS.flatMap(({ group, fields }) => fields.map((f) => `${group}.${f}` as SettingKey))

export function specOf(key: SettingKey): SettingSpec {
  const [group, field] = key.split('.') as [SettingsGroup, string]
  return (SETTING_SPECS[group] as Record<string, SettingSpec>)[field]!
}

const valueOf = (view: SettingsView, key: SettingKey): number => {
  const [group, field] = key.split('.') as [SettingsGroup, string]
  return (view[group] as Record<string, number>)[field]!
}

/** As typed: money in yuan (20000 fen → "200", 20050 → "200.50"). */
export function formOfSettings(view: SettingsView): SettingsForm {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, settingText(specOf(key), valueOf(view, key))])) as SettingsForm
}

/** What is wrong with a typed value, in the server's words, or null. Money is typed in yuan, at most 2 decimals. */
export function settingError(key: SettingKey, text: string): string | null {
  const spec = specOf(key)
  const trimmed = text.trim()
  if (trimmed === '') return `请填写${spec.label}`
  if (!/^-?\d+(\.\d+)?$/.test(trimmed) || !Number.isFinite(Number(trimmed))) return `${spec.label}应为数字`
  if (spec.money && /\.\d{3,}$/.test(trimmed)) return `${spec.label}最多两位小数`
  if (!spec.money && !Number.isInteger(Number(trimmed))) return `${spec.label}应为整数`
  const value = numberOf(spec, trimmed)
  if (value < spec.min || value > spec.max) return `${spec.label}应在 ${settingText(spec, spec.min)}–${settingText(spec, spec.max)} ${spec.unit}之间`
  return null
}

/** A typed number (checked above) as the server takes it: money as whole fen, exactly ("200.5" → 20050, no float). */
function numberOf(spec: SettingSpec, trimmed: string): number {
  if (!spec.money) return Number(trimmed)
  const [whole = '', cents = ''] = trimmed.replace('-', '').split('.')
  const fen = Number(whole) * 100 + Number(cents.padEnd(2, '0'))
  return trimmed.startsWith('-') ? -fen : fen
}

/** The form checked: the errors, or the changed fields as an update (`null` when nothing changed). */
export function toUpdateInput(form: SettingsForm, saved: SettingsView): { errors: SettingsErrors; settings: UpdateSettingsCommand | null } {
  const errors: SettingsErrors = {}
  for (const key of SETTING_KEYS) {
    const problem = settingError(key, form[key])
    if (problem) errors[key] = problem
  }
  if (Object.keys(errors).length > 0) return { errors, settings: null }
  const input: Record<string, Record<string, number>> = {}
  for (const key of SETTING_KEYS) {
    const value = numberOf(specOf(key), form[key].trim())
    if (value === valueOf(saved, key)) continue
    const [group, field] = key.split('.') as [SettingsGroup, string]
    input[group] = { ...input[group], [field]: value }
  }
  return { errors, settings: Object.keys(input).length > 0 ? (input as UpdateSettingsCommand) : null }
}

/** The server's refused fields (`stock.lowStockThreshold`…) as the page's errors; a whole-input refusal is null. */
export function errorsOfFields(fields: Array<{ path?: string; message?: string }>): SettingsErrors | null {
  const errors: SettingsErrors = {}
  for (const { path, message } of fields) {
    if (path && (SETTING_KEYS as string[]).includes(path) && message && !errors[path as SettingKey]) errors[path as SettingKey] = message
  }
  return Object.keys(errors).length > 0 ? errors : null
}
