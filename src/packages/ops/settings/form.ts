import { SETTING_SPECS, type SettingSpec, type SettingsView, type UpdateSettingsCommand } from '../../../core/contracts/settings'

/** The fields of the settings page, grouped as the server keeps them (one settings document per group). */
export const SETTINGS_GROUPS = [
  { group: 'stock', title: '库存', fields: ['lowStockThreshold'] },
  { group: 'order', title: '订单与退款', fields: ['payMinutes', 'refundAutoApproveHours'] }
] as const

export type SettingsGroup = (typeof SETTINGS_GROUPS)[number]['group']
/** `group.field`, as the server names a refused field's path. */
export type SettingKey = 'stock.lowStockThreshold' | 'order.payMinutes' | 'order.refundAutoApproveHours'

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

export function formOfSettings(view: SettingsView): SettingsForm {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, String(valueOf(view, key))])) as SettingsForm
}

/** What is wrong with a typed value, in the server's words, or null. */
export function settingError(key: SettingKey, text: string): string | null {
  const spec = specOf(key)
  const trimmed = text.trim()
  if (trimmed === '') return `请填写${spec.label}`
  const value = Number(trimmed)
  if (!/^-?\d+(\.\d+)?$/.test(trimmed) || !Number.isFinite(value)) return `${spec.label}应为数字`
  if (!Number.isInteger(value)) return `${spec.label}应为整数`
  if (value < spec.min || value > spec.max) return `${spec.label}应在 ${spec.min}–${spec.max} ${spec.unit}之间`
  return null
}

/** The changed fields as an update, or the errors; `null` input when nothing changed. */
export function toUpdateInput(form: SettingsForm, saved: SettingsView): { errors: SettingsErrors } | { input: UpdateSettingsCommand | null } {
  const errors: SettingsErrors = {}
  for (const key of SETTING_KEYS) {
    const problem = settingError(key, form[key])
    if (problem) errors[key] = problem
  }
  if (Object.keys(errors).length > 0) return { errors }
  const input: Record<string, Record<string, number>> = {}
  for (const key of SETTING_KEYS) {
    const value = Number(form[key].trim())
    if (value === valueOf(saved, key)) continue
    const [group, field] = key.split('.') as [SettingsGroup, string]
    input[group] = { ...input[group], [field]: value }
  }
  return { input: Object.keys(input).length > 0 ? (input as UpdateSettingsCommand) : null }
}

/** The server's refused fields (`stock.lowStockThreshold`…) as the page's errors; a whole-input refusal is null. */
export function errorsOfFields(fields: Array<{ path?: string; message?: string }>): SettingsErrors | null {
  const errors: SettingsErrors = {}
  for (const { path, message } of fields) {
    if (path && (SETTING_KEYS as string[]).includes(path) && message && !errors[path as SettingKey]) errors[path as SettingKey] = message
  }
  return Object.keys(errors).length > 0 ? errors : null
}
