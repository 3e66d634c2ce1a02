import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, errorMessage, toastError } from '../../../api'
import { saleNow, useSaleOffset } from '../../../components/flash-countdown'
import type { ChosenSku } from '../../../components/ops-sku-picker'
import { opsGroupUrl } from '../../../components/ops-entry/links'
import type { GroupBuyActivityView } from '../../../core/contracts/groupbuy'
import { issuesOf, isForbidden } from '../shared/errors'
import { activityFormOf, checkActivityForm, emptyActivityForm, firstActivityError, type ActivityErrors, type ActivityForm } from './form'

export type ActivityFormState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  /** Editing an activity that ended or was stopped. */
  | { status: 'closed' }
  | { status: 'ready'; activity: GroupBuyActivityView | null }

async function skuOfActivity(activity: GroupBuyActivityView): Promise<ChosenSku> {
  const base = { skuId: activity.skuId, productId: activity.productId, productName: activity.productName, skuName: activity.skuName, image: activity.image }
  try {
    const product = await call('catalog', 'productDetail', { productId: activity.productId })
    const sku = product.skus.find((s) => s._id === activity.skuId)
    if (sku) return { ...base, price: sku.price, stock: sku.stock }
  } catch {
    // Off sale or gone: the activity's list price stands.
  }
  return { ...base, price: activity.listPrice, stock: 0 }
}

/** Create (no activityId) or edit a group-buy activity: the form, its errors and one submit at a time. */
export function useActivityForm(activityId: string) {
  useSaleOffset()
  const [state, setState] = useState<ActivityFormState>(activityId ? { status: 'loading' } : { status: 'ready', activity: null })
  const [form, setForm] = useState<ActivityForm>(() => emptyActivityForm(saleNow()))
  const [errors, setErrors] = useState<ActivityErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)

  const load = useCallback(async () => {
    if (!activityId) return
    setState({ status: 'loading' })
    try {
      const { activity } = await call('groupbuy', 'getActivity', { activityId })
      if (activity.phase === 'ENDED' || activity.phase === 'STOPPED') {
        setState({ status: 'closed' })
        return
      }
      setForm(activityFormOf(activity, await skuOfActivity(activity)))
      setState({ status: 'ready', activity })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [activityId])

  useEffect(() => {
    void load()
  }, [load])

  const change = useCallback(<K extends keyof ActivityForm>(key: K, value: ActivityForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    const field = key === 'sku' ? 'skuId' : key === 'discountKind' || key === 'discountValue' ? 'leaderDiscount' : key
    setErrors((e) => {
      if (!(field in e)) return e
      const next = { ...e }
      delete next[field as keyof ActivityErrors]
      return next
    })
  }, [])

  const submit = useCallback(async () => {
    if (busy.current || state.status !== 'ready') return
    const editing = state.activity
    const { errors: found, terms } = checkActivityForm(form, saleNow())
    setErrors(found)
    if (!terms || !form.sku) {
      void Taro.showToast({ title: firstActivityError(found) ?? '请检查填写的内容', icon: 'none' })
      return
    }
    busy.current = true
    setSubmitting(true)
    try {
      if (editing) {
        await call('groupbuy', 'updateActivity', { activityId: editing.activityId, ...terms })
        void Taro.showToast({ title: '已保存', icon: 'success' })
        await Taro.navigateBack().catch(() => Taro.redirectTo({ url: opsGroupUrl(editing.activityId) }))
      } else {
        const activity = await call('groupbuy', 'createActivity', { skuId: form.sku.skuId, ...terms })
        void Taro.showToast({ title: '拼团活动已创建', icon: 'success' })
        await Taro.redirectTo({ url: opsGroupUrl(activity.activityId) })
      }
    } catch (error) {
      const issues = issuesOf(error)
      if (issues) setErrors(issues as ActivityErrors)
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
      if (error instanceof ApiError && error.code === 'ACTIVITY_CLOSED') void load()
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [state, form, load])

  return { state, form, errors, submitting, change, submit, reload: load }
}
