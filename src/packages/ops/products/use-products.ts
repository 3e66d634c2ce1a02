import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import type { OpsProductPage, OpsProductRow, ProductStatus } from '../../../core/contracts/catalog-admin'
import { isForbidden } from '../shared/errors'

export type ProductTab = ProductStatus | 'all'
const PAGE_SIZE = 20

export type ProductListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; items: OpsProductRow[]; counts: OpsProductPage['counts']; hasMore: boolean; page: number; more: 'idle' | 'loading' | 'error' }

/**
 * The operator's product list: one tab (在售 / 已下架 / 全部), a name search,
 * paged; publish / unpublish a row in place. A newer load wins over an older one.
 */
export function useProducts() {
  const [tab, setTab] = useState<ProductTab>('ON_SALE')
  const [keyword, setKeyword] = useState('')
  const [state, setState] = useState<ProductListState>({ status: 'loading' })
  const [switching, setSwitching] = useState<string | null>(null)
  const generation = useRef(0)

  const fetchPage = (page: number, t: ProductTab, k: string) =>
    call('catalog', 'opsProducts', { page, pageSize: PAGE_SIZE, ...(t === 'all' ? {} : { status: t }), ...(k.trim() ? { keyword: k.trim() } : {}) })

  const load = useCallback(async (t: ProductTab = tab, k: string = keyword) => {
    const mine = ++generation.current
    setState({ status: 'loading' })
    try {
      const first = await fetchPage(0, t, k)
      if (mine !== generation.current) return
      setState({ status: 'ready', items: first.items, counts: first.counts, hasMore: first.hasMore, page: 0, more: 'idle' })
    } catch (error) {
      if (mine !== generation.current) return
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [tab, keyword])

  useEffect(() => {
    void load()
    // Only the first load here: tab and search changes load through `chooseTab` / `search`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const chooseTab = useCallback((next: ProductTab) => {
    setTab(next)
    void load(next, keyword)
  }, [load, keyword])

  const search = useCallback((text: string) => {
    setKeyword(text)
    void load(tab, text)
  }, [load, tab])

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.hasMore || state.more === 'loading') return
    const mine = generation.current
    setState({ ...state, more: 'loading' })
    try {
      const next = await fetchPage(state.page + 1, tab, keyword)
      if (mine !== generation.current) return
      setState({ ...state, items: [...state.items, ...next.items], hasMore: next.hasMore, page: state.page + 1, more: 'idle', counts: next.counts })
    } catch {
      if (mine === generation.current) setState({ ...state, more: 'error' })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, tab, keyword])

  /** 上架 / 下架 after a confirmation; the list is read again so the tab counts agree. */
  const toggleStatus = useCallback(async (row: OpsProductRow) => {
    if (switching) return
    const publish = row.status !== 'ON_SALE'
    const { confirm } = await Taro.showModal({
      title: publish ? '上架商品' : '下架商品',
      content: publish ? `「${row.name}」上架后顾客即可浏览和购买` : `「${row.name}」下架后顾客将看不到，已下的订单不受影响`,
      confirmText: publish ? '上架' : '下架'
    })
    if (!confirm) return
    setSwitching(row.productId)
    try {
      await call('catalog', 'setProductStatus', { productId: row.productId, status: publish ? 'ON_SALE' : 'OFF_SALE' })
      void Taro.showToast({ title: publish ? '已上架' : '已下架', icon: 'success' })
      await load()
    } catch (error) {
      toastError(error)
    } finally {
      setSwitching(null)
    }
  }, [switching, load])

  return { tab, keyword, state, switching, chooseTab, search, loadMore, toggleStatus, reload: load }
}
