import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage, toastError } from '../../../api'
import { isForbidden } from './errors'

export type SettingsFormState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'denied' } | { status: 'ready' }

type FieldErrors = Partial<Record<string, string>>

export interface SettingsFormSpec<F, E extends FieldErrors, P> {
  /** The form before the first load. */
  initial: F | (() => F)
  /** Reads the settings and answers them as the form holds them. */
  load: () => Promise<F>
  /** The form checked: what is wrong by field, and the settings to send (null: errors, or nothing changed). */
  check: (form: F) => { errors: E; settings: P | null }
  /** Sends the settings and answers the saved ones as the form holds them. */
  save: (settings: P) => Promise<F>
  /** The toast once saved. */
  saved: { title: string; icon: 'success' | 'none' }
  /** A refusal the form shows by its fields (else it is toasted). */
  refusedFields?: (error: unknown) => E | null
}

/**
 * The load / check / save / error states of an operator settings form:
 * loading, 无权限 (FORBIDDEN), a load error to retry, one save at a time
 * (a second tap while saving sends nothing), errors inline by field and
 * the first one toasted, a field's error cleared when it is changed.
 * The spec's functions may be new on every render: the latest is used.
 */
export function useSettingsForm<F, E extends FieldErrors, P>(spec: SettingsFormSpec<F, E, P>) {
  const latest = useRef(spec)
  latest.current = spec
  const [state, setState] = useState<SettingsFormState>({ status: 'loading' })
  const [form, setForm] = useState<F>(spec.initial)
  const [errors, setErrors] = useState<E>({} as E)
  const [saving, setSaving] = useState(false)
  const busy = useRef(false)

  const reload = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      setForm(await latest.current.load())
      setErrors({} as E)
      setState({ status: 'ready' })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])

  /** Changes the form and clears the errors of the fields changed. */
  const update = useCallback((next: (form: F) => F, cleared: readonly string[] = []) => {
    setForm(next)
    if (cleared.length > 0) setErrors((e) => ({ ...e, ...Object.fromEntries(cleared.map((key) => [key, undefined])) }))
  }, [])

  const save = async () => {
    if (busy.current || state.status !== 'ready') return
    const { check, save: send, saved, refusedFields } = latest.current
    const { errors: found, settings } = check(form)
    setErrors(found)
    if (settings === null) {
      void Taro.showToast({ title: Object.values(found).find(Boolean) ?? '没有修改', icon: 'none' })
      return
    }
    busy.current = true
    setSaving(true)
    try {
      setForm(await send(settings))
      void Taro.showToast(saved)
    } catch (error) {
      const byField = refusedFields?.(error) ?? null
      if (byField) setErrors(byField)
      else {
        if (isForbidden(error)) setState({ status: 'denied' })
        toastError(error)
      }
    } finally {
      busy.current = false
      setSaving(false)
    }
  }

  return { state, form, errors, saving, update, save, reload }
}
