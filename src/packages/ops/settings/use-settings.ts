import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, errorMessage, toastError } from '../../../api'
import type { SettingsView } from '../../../core/contracts/settings'
import { isForbidden } from '../shared/errors'
import { errorsOfFields, formOfSettings, toUpdateInput, type SettingKey, type SettingsErrors, type SettingsForm } from './form'

export type SettingsState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; saved: SettingsView }

/** Loads the settings, validates as the server does, sends only what changed, one save at a time. */
export function useSettings() {
  const [state, setState] = useState<SettingsState>({ status: 'loading' })
  const [form, setForm] = useState<SettingsForm | null>(null)
  const [errors, setErrors] = useState<SettingsErrors>({})
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)

  const reload = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      const saved = await call('system', 'settings', {})
      setForm(formOfSettings(saved))
      setErrors({})
      setState({ status: 'ready', saved })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  const change = useCallback((key: SettingKey, value: string) => {
    setForm((f) => (f ? { ...f, [key]: value } : f))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }, [])

  const save = useCallback(async () => {
    if (busy.current || state.status !== 'ready' || !form) return
    const parsed = toUpdateInput(form, state.saved)
    if ('errors' in parsed) return setErrors(parsed.errors)
    if (!parsed.input) {
      void Taro.showToast({ title: '没有修改', icon: 'none' })
      return
    }
    busy.current = true
    setSaving(true)
    try {
      const { settings } = await call('system', 'updateSettings', parsed.input)
      setForm(formOfSettings(settings))
      setState({ status: 'ready', saved: settings })
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      const fields = error instanceof ApiError && error.code === 'INVALID_ARGUMENT' ? (error.details?.fields as Array<{ path?: string; message?: string }> | undefined) : undefined
      const byField = fields ? errorsOfFields(fields) : null
      if (byField) setErrors(byField)
      else if (isForbidden(error)) setState({ status: 'denied' })
      else toastError(error)
    } finally {
      busy.current = false
      setSaving(false)
    }
  }, [form, state])

  return { state, form, errors, saving, change, save, reload }
}
