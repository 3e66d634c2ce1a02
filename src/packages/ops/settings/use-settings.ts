import { useRef } from 'react'
import { ApiError, call } from '../../../api'
import { SETTING_SPECS, type SettingsView } from '../../../core/contracts/settings'
import { useSettingsForm } from '../shared/use-settings-form'
import { errorsOfFields, formOfSettings, toUpdateInput, type SettingKey } from './form'

/** Every setting at its default: the form until the saved ones load. */
const DEFAULTS = Object.fromEntries(
  Object.entries(SETTING_SPECS).map(([group, specs]) => [group, Object.fromEntries(Object.entries(specs).map(([field, spec]) => [field, spec.defaultValue]))])
) as unknown as SettingsView

/** The server's refusal of some fields (INVALID_ARGUMENT `details.fields`) as the page's errors. */
function refusedFields(error: unknown) {
  if (!(error instanceof ApiError) || error.code !== 'INVALID_ARGUMENT') return null
  const fields = error.details?.fields as Array<{ path?: string; message?: string }> | undefined
  return fields ? errorsOfFields(fields) : null
}

/** Loads the settings, validates as the server does, sends only what changed, one save at a time. */
export function useSettings() {
  const saved = useRef<SettingsView>(DEFAULTS)
  const keep = (settings: SettingsView) => {
    saved.current = settings
    return formOfSettings(settings)
  }
  const { update, ...form } = useSettingsForm({
    initial: () => formOfSettings(DEFAULTS),
    load: async () => keep(await call('system', 'settings', {})),
    check: (f) => toUpdateInput(f, saved.current),
    save: async (input) => keep((await call('system', 'updateSettings', input)).settings),
    saved: { title: '已保存', icon: 'success' },
    refusedFields
  })
  const change = (key: SettingKey, value: string) => update((f) => ({ ...f, [key]: value }), [key])
  return { ...form, change }
}
