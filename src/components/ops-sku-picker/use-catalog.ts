import { useCallback, useRef, useState } from 'react'
import { call, errorMessage } from '../../api'
import type { ProductDetail, ProductSummary } from '../../core/contracts/catalog'

const PAGE_SIZE = 20

export interface CatalogState {
  status: 'idle' | 'loading' | 'error' | 'ready'
  message: string | null
  products: ProductSummary[]
  hasMore: boolean
  loadingMore: boolean
}

/** The products an operator can put on sale (`catalog.listProducts`), page by page, and each product's SKUs. */
export function useCatalog() {
  const [state, setState] = useState<CatalogState>({ status: 'idle', message: null, products: [], hasMore: false, loadingMore: false })
  const [details, setDetails] = useState<Record<string, ProductDetail | 'loading' | 'error'>>({})
  const nextPage = useRef(0)
  const busy = useRef(false)

  const loadFirst = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    setState((s) => ({ ...s, status: 'loading', message: null }))
    try {
      const page = await call('catalog', 'listProducts', { page: 0, pageSize: PAGE_SIZE })
      nextPage.current = 1
      setState({ status: 'ready', message: null, products: page.items, hasMore: page.hasMore, loadingMore: false })
    } catch (error) {
      setState((s) => ({ ...s, status: 'error', message: errorMessage(error) }))
    } finally {
      busy.current = false
    }
  }, [])

  const loadMore = useCallback(async () => {
    if (busy.current) return
    busy.current = true
    setState((s) => ({ ...s, loadingMore: true, message: null }))
    try {
      const page = await call('catalog', 'listProducts', { page: nextPage.current, pageSize: PAGE_SIZE })
      nextPage.current += 1
      setState((s) => ({
        ...s,
        products: [...s.products, ...page.items.filter((p) => !s.products.some((q) => q._id === p._id))],
        hasMore: page.hasMore,
        loadingMore: false
      }))
    } catch (error) {
      setState((s) => ({ ...s, loadingMore: false, message: errorMessage(error) }))
    } finally {
      busy.current = false
    }
  }, [])

  const loadDetail = useCallback(async (productId: string) => {
    setDetails((d) => ({ ...d, [productId]: 'loading' }))
    try {
      const detail = await call('catalog', 'productDetail', { productId })
      setDetails((d) => ({ ...d, [productId]: detail }))
    } catch {
      setDetails((d) => ({ ...d, [productId]: 'error' }))
    }
  }, [])

  return { state, details, loadFirst, loadMore, loadDetail }
}
