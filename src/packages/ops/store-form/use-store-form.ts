import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, errorMessage, toastError } from '../../../api'
import { newRequestId } from '../../../utils/request-id'
import { isForbidden } from '../shared/errors'
import { EMPTY_STORE_FORM, errorsOfFields, formOfStore, toSaveInput, type StoreForm, type StoreFormErrors } from './form'

export type StoreFormState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'denied' } | { status: 'missing' } | { status: 'ready' }

/**
 * The store form: loads the store being edited (from the operators' store
 * list: a chain has tens), validates as the server does, saves once at a time;
 * a create keeps one requestId, so a retry after a lost answer makes no second store.
 */
export function useStoreForm(storeId: string) {
  const [state, setState] = useState<StoreFormState>(storeId ? { status: 'loading' } : { status: 'ready' })
  const [form, setForm] = useState<StoreForm>(EMPTY_STORE_FORM)
  const [errors, setErrors] = useState<StoreFormErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)
  const requestId = useRef(newRequestId())

  const reload = useCallback(async () => {
    if (!storeId) return
    setState({ status: 'loading' })
    try {
      const { stores } = await call('staff', 'adminStores', {})
      const store = stores.find((s) => s.storeId === storeId)
      if (!store) return setState({ status: 'missing' })
      setForm(formOfStore(store))
      setState({ status: 'ready' })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [storeId])

  useEffect(() => {
    void reload()
  }, [reload])

  const change = useCallback(<K extends keyof StoreForm>(key: K, value: StoreForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    const field = key === 'open' || key === 'close' ? 'hours' : key === 'latitude' || key === 'longitude' ? 'location' : key
    setErrors((e) => ({ ...e, [field]: undefined }))
  }, [])

  const submit = useCallback(async () => {
    if (busy.current) return
    const parsed = toSaveInput(form)
    if ('errors' in parsed) {
      setErrors(parsed.errors)
      return
    }
    busy.current = true
    setSubmitting(true)
    try {
      await call('staff', 'saveStore', storeId ? { ...parsed.input, storeId } : { ...parsed.input, requestId: requestId.current })
      void Taro.showToast({ title: '已保存', icon: 'success' })
      void Taro.navigateBack().catch(() => undefined)
    } catch (error) {
      const fields = error instanceof ApiError && error.code === 'INVALID_ARGUMENT' ? (error.details?.fields as Array<{ path?: string; message?: string }> | undefined) : undefined
      if (fields?.length) setErrors(errorsOfFields(fields))
      else toastError(error)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [form, storeId])

  return { state, form, errors, submitting, change, submit, reload }
}
