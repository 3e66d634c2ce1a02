import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, call, errorMessage, toastError } from '../../../api'
import { saleNow, useSaleOffset } from '../../../components/flash-countdown'
import type { ChosenSku } from '../../../components/ops-sku-picker'
import { opsSaleUrl } from '../../../components/ops-entry/links'
import type { FlashSaleView } from '../../../core/contracts/flashsale'
import { issuesOf, isForbidden } from '../shared/errors'
import { checkSaleForm, emptySaleForm, firstError, saleFormOf, type SaleForm, type SaleFormErrors } from './form'

export type SaleFormState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  /** Editing a sale that already started, ended or was stopped. */
  | { status: 'closed'; sale: FlashSaleView }
  | { status: 'ready'; sale: FlashSaleView | null }

/** The SKU of a sale as it is now (price and stock); the sale's own figures when the product cannot be read. */
async function skuOfSale(sale: FlashSaleView): Promise<ChosenSku> {
  const base = { skuId: sale.skuId, productId: sale.productId, productName: sale.productName, skuName: sale.skuName, image: sale.image }
  try {
    const product = await call('catalog', 'productDetail', { productId: sale.productId })
    const sku = product.skus.find((s) => s._id === sale.skuId)
    if (sku) return { ...base, price: sku.price, stock: sku.stock }
  } catch {
    // Off sale or gone: the sale's list price stands, and no more stock.
  }
  return { ...base, price: sale.listPrice, stock: 0 }
}

/**
 * Create (no saleId) or edit a flash sale: the form, its errors (ours, then
 * the server's SALE_INVALID issues by field) and one submit at a time.
 */
export function useSaleForm(saleId: string) {
  useSaleOffset()
  const [state, setState] = useState<SaleFormState>(saleId ? { status: 'loading' } : { status: 'ready', sale: null })
  const [form, setForm] = useState<SaleForm>(() => emptySaleForm(saleNow()))
  const [errors, setErrors] = useState<SaleFormErrors>({})
  const [submitting, setSubmitting] = useState(false)
  const busy = useRef(false)

  const load = useCallback(async () => {
    if (!saleId) return
    setState({ status: 'loading' })
    try {
      const sale = await call('flashsale', 'get', { saleId })
      if (sale.state !== 'SCHEDULED') {
        setState({ status: 'closed', sale })
        return
      }
      setForm(saleFormOf(sale, await skuOfSale(sale)))
      setState({ status: 'ready', sale })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [saleId])

  useEffect(() => {
    void load()
  }, [load])

  /** Changes one field; its error goes until the next submit. */
  const change = useCallback(<K extends keyof SaleForm>(key: K, value: SaleForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => {
      const field = key === 'sku' ? 'skuId' : key
      if (!(field in e)) return e
      const next = { ...e }
      delete next[field as keyof SaleFormErrors]
      return next
    })
  }, [])

  const submit = useCallback(async () => {
    if (busy.current || state.status !== 'ready') return
    const editing = state.sale
    const { errors: found, terms } = checkSaleForm(form, saleNow(), editing?.quantity ?? 0)
    setErrors(found)
    if (!terms || !form.sku) {
      void Taro.showToast({ title: firstError(found) ?? '请检查填写的内容', icon: 'none' })
      return
    }
    busy.current = true
    setSubmitting(true)
    try {
      if (editing) {
        await call('flashsale', 'update', { saleId: editing.saleId, ...terms })
        void Taro.showToast({ title: '已保存', icon: 'success' })
        await Taro.navigateBack().catch(() => Taro.redirectTo({ url: opsSaleUrl(editing.saleId) }))
      } else {
        const sale = await call('flashsale', 'create', { skuId: form.sku.skuId, ...terms })
        void Taro.showToast({ title: '秒杀已创建', icon: 'success' })
        await Taro.redirectTo({ url: opsSaleUrl(sale.saleId) })
      }
    } catch (error) {
      const issues = issuesOf(error)
      if (issues) setErrors(issues as SaleFormErrors)
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
      if (error instanceof ApiError && error.code === 'SALE_NOT_EDITABLE') void load()
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [state, form, load])

  return { state, form, errors, submitting, change, submit, reload: load }
}
