import Taro from '@tarojs/taro'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { ApiError, call, errorMessage, toastError } from '../../../api'
import { OPS_PRODUCTS_URL } from '../../../components/ops-entry/links'
import type { OpsCategoryView, OpsProductView } from '../../../core/contracts/catalog-admin'
import { IntentKey } from '../../../utils/intent-key'
import { isForbidden } from '../shared/errors'
import {
  carryRows,
  checkProductForm,
  emptyProductForm,
  firstError,
  MAX_SPEC_GROUPS,
  MAX_SPEC_VALUES,
  productFormOf,
  serverErrors,
  skuFieldKey,
  skuRows,
  SPEC_VALUE_MAX,
  type ProductForm,
  type ProductFormErrors,
  type SkuRowInput,
  type SpecGroup
} from './form'

export type ProductFormState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; product: OpsProductView | null; categories: OpsCategoryView[] }

type TextField = 'name' | 'detail'
type RowField = 'price' | 'listPrice' | 'stock'

const without = (errors: ProductFormErrors, ...keys: string[]): ProductFormErrors => {
  if (!keys.some((k) => k in errors)) return errors
  const next = { ...errors }
  for (const k of keys) delete next[k]
  return next
}

/**
 * Create (no productId) or edit a product: the form, the SKU grid its specs
 * make, errors (ours, then the server's by field) and one save at a time.
 * A create carries a requestId per draft, so a double tap makes one product.
 */
export function useProductForm(productId: string) {
  const [state, setState] = useState<ProductFormState>({ status: 'loading' })
  const [form, setForm] = useState<ProductForm>(emptyProductForm)
  const [errors, setErrors] = useState<ProductFormErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)
  const intent = useRef(new IntentKey())

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      const [categories, product] = await Promise.all([
        call('catalog', 'opsCategories', {}),
        productId ? call('catalog', 'opsProduct', { productId }) : Promise.resolve(null)
      ])
      setForm(product ? productFormOf(product) : { ...emptyProductForm(), categoryId: categories.length === 1 ? categories[0]!.categoryId : '' })
      setErrors({})
      setState({ status: 'ready', product, categories })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [productId])

  useEffect(() => {
    void load()
  }, [load])

  const rows = useMemo(() => skuRows(form), [form])

  const setText = useCallback((key: TextField, value: string) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => without(e, key))
  }, [])

  const setCategory = useCallback((categoryId: string) => {
    setForm((f) => ({ ...f, categoryId }))
    setErrors((e) => without(e, 'categoryId'))
  }, [])

  const setImages = useCallback((key: 'images' | 'detailImages', images: string[]) => {
    setForm((f) => ({ ...f, [key]: images }))
    setErrors((e) => without(e, key))
  }, [])

  /** Replaces the specs, carrying typed rows over to the combinations they still describe. */
  const changeSpecs = useCallback((next: (specs: SpecGroup[]) => SpecGroup[], renamed?: Record<string, string>) => {
    setForm((f) => {
      const specs = next(f.specs)
      return { ...f, specs, rows: carryRows(f, specs, renamed) }
    })
    setErrors((e) => without(e, 'specs'))
  }, [])

  const addSpec = useCallback(() => {
    changeSpecs((specs) => (specs.length >= MAX_SPEC_GROUPS ? specs : [...specs, { name: '', values: [] }]))
  }, [changeSpecs])

  const removeSpec = useCallback((index: number) => changeSpecs((specs) => specs.filter((_, i) => i !== index)), [changeSpecs])

  const renameSpec = useCallback(
    (index: number, name: string) => {
      const old = form.specs[index]?.name.trim()
      const renamed = old && old !== name.trim() ? { [old]: name.trim() } : undefined
      changeSpecs((specs) => specs.map((g, i) => (i === index ? { ...g, name } : g)), renamed)
    },
    [changeSpecs, form.specs]
  )

  /** Adds a value to a spec; answers what is wrong with it, or null when added. */
  const addSpecValue = useCallback(
    (index: number, raw: string): string | null => {
      const value = raw.trim()
      const group = form.specs[index]
      if (!group) return null
      if (!value) return '请输入规格值'
      if (value.length > SPEC_VALUE_MAX) return `规格值最多 ${SPEC_VALUE_MAX} 个字`
      if (group.values.includes(value)) return '该规格值已存在'
      if (group.values.length >= MAX_SPEC_VALUES) return `每个规格最多 ${MAX_SPEC_VALUES} 个值`
      changeSpecs((specs) => specs.map((g, i) => (i === index ? { ...g, values: [...g.values, value] } : g)))
      return null
    },
    [changeSpecs, form.specs]
  )

  const removeSpecValue = useCallback(
    (index: number, value: string) => changeSpecs((specs) => specs.map((g, i) => (i === index ? { ...g, values: g.values.filter((v) => v !== value) } : g))),
    [changeSpecs]
  )

  const setRow = useCallback((key: string, field: RowField, value: string) => {
    setForm((f) => {
      const row: SkuRowInput = { ...(f.rows[key] ?? { price: '', listPrice: '', stock: '' }), [field]: value }
      return { ...f, rows: { ...f.rows, [key]: row } }
    })
    setErrors((e) => without(e, skuFieldKey(key, field)))
  }, [])

  /** 批量设置: the same value in one column of every row. */
  const fillColumn = useCallback(
    (field: RowField, value: string) => {
      setForm((f) => {
        const next = { ...f.rows }
        for (const row of skuRows(f)) next[row.key] = { ...(f.rows[row.key] ?? { price: '', listPrice: '', stock: '' }), [field]: value }
        return { ...f, rows: next }
      })
      setErrors((e) => without(e, ...rows.map((r) => skuFieldKey(r.key, field))))
    },
    [rows]
  )

  const submit = useCallback(async () => {
    if (busy.current || state.status !== 'ready') return
    const { errors: found, input } = checkProductForm(form)
    setErrors(found)
    if (!input) {
      void Taro.showToast({ title: firstError(found, rows) ?? '请检查填写的内容', icon: 'none' })
      return
    }
    busy.current = true
    setSubmitting(true)
    try {
      const editing = state.product
      if (editing) await call('catalog', 'saveProduct', { ...input, productId: editing.productId })
      else await call('catalog', 'saveProduct', { ...input, requestId: intent.current.for(input) })
      intent.current.renew()
      void Taro.showToast({ title: editing ? '已保存' : '商品已创建，上架后顾客可见', icon: 'success' })
      await Taro.navigateBack().catch(() => Taro.redirectTo({ url: OPS_PRODUCTS_URL }))
    } catch (error) {
      if (error instanceof ApiError && !error.isNetwork) intent.current.renew()
      if (error instanceof ApiError && error.code === 'INVALID_ARGUMENT') {
        setErrors(serverErrors((error.details?.fields ?? []) as Array<{ path?: unknown; message?: unknown }>, rows))
      } else if (error instanceof ApiError && error.code === 'CATEGORY_NOT_FOUND') {
        setErrors({ categoryId: error.message })
      }
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [state, form, rows])

  return {
    state,
    form,
    rows,
    errors,
    submitting,
    setText,
    setCategory,
    setImages,
    addSpec,
    removeSpec,
    renameSpec,
    addSpecValue,
    removeSpecValue,
    setRow,
    fillColumn,
    submit,
    reload: load
  }
}
