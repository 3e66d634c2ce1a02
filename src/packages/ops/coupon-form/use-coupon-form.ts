import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, errorMessage, toastError } from '../../../api'
import { OPS_COUPONS_URL } from '../../../components/ops-entry/links'
import type { OpsTemplateView } from '../../../core/contracts/coupon'
import { isForbidden } from '../shared/errors'
import { checkCouponForm, couponFormOf, emptyCouponForm, firstError, formFieldOf, type CouponForm, type CouponFormErrors } from './form'

export type CouponFormState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; template: OpsTemplateView | null }

/** Product names for an edited template's scope; a product that cannot be read shows as 已下架商品. */
async function scopeNames(productIds: string[]): Promise<Record<string, string>> {
  const names: Record<string, string> = {}
  await Promise.all(
    productIds.map(async (productId) => {
      try {
        names[productId] = (await call('catalog', 'productDetail', { productId })).name
      } catch {
        names[productId] = '已下架商品'
      }
    })
  )
  return names
}

/** The server's validation refusal (`details.issues: [{ field, code, message }]`) as form errors. */
function serverIssues(error: unknown, form: CouponForm): CouponFormErrors | null {
  if (!(error instanceof ApiError) || !Array.isArray(error.details?.issues)) return null
  const errors: CouponFormErrors = {}
  for (const issue of error.details.issues as Array<{ field?: unknown; message?: unknown }>) {
    if (typeof issue.field !== 'string' || typeof issue.message !== 'string') continue
    const field = formFieldOf(issue.field, form.validityMode)
    if (!errors[field]) errors[field] = issue.message
  }
  return errors
}

/** Create (no templateId) or edit a coupon template: the form, its errors, one submit at a time. */
export function useCouponForm(templateId: string) {
  const [state, setState] = useState<CouponFormState>(templateId ? { status: 'loading' } : { status: 'ready', template: null })
  const [form, setForm] = useState<CouponForm>(() => emptyCouponForm(Date.now()))
  const [errors, setErrors] = useState<CouponFormErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)

  const load = useCallback(async () => {
    if (!templateId) return
    setState({ status: 'loading' })
    try {
      const template = await call('coupon', 'getTemplate', { templateId })
      const loaded = couponFormOf(template, Date.now())
      const names = await scopeNames(loaded.products.map((p) => p.productId))
      const freeSku =
        template.rule.kind === 'freeItem'
          ? { skuId: template.rule.skuId, productId: '', productName: '当前赠品', skuName: '', image: null, price: 0, stock: 0 }
          : null
      setForm({ ...loaded, freeSku, products: loaded.products.map((p) => ({ ...p, name: names[p.productId] ?? '商品' })) })
      setState({ status: 'ready', template })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [templateId])

  useEffect(() => {
    void load()
  }, [load])

  const change = useCallback(<K extends keyof CouponForm>(key: K, value: CouponForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => {
      const field = key === 'freeSku' ? 'skuId' : key === 'products' || key === 'scoped' ? 'productIds' : key
      if (!(field in e)) return e
      const next = { ...e }
      delete next[field as keyof CouponFormErrors]
      return next
    })
  }, [])

  const submit = useCallback(async () => {
    if (busy.current || state.status !== 'ready') return
    const editing = state.template
    const { errors: found, input } = checkCouponForm(form, Date.now(), editing?.issued ?? 0, editing?.templateId)
    setErrors(found)
    if (!input) {
      void Taro.showToast({ title: firstError(found) ?? '请检查填写的内容', icon: 'none' })
      return
    }
    busy.current = true
    setSubmitting(true)
    try {
      await call('coupon', 'saveTemplate', input)
      void Taro.showToast({ title: editing ? '已保存' : '优惠券已创建', icon: 'success' })
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: OPS_COUPONS_URL }))
    } catch (error) {
      const issues = serverIssues(error, form)
      if (issues) setErrors(issues)
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [state, form])

  return { state, form, errors, submitting, change, submit, reload: load }
}
