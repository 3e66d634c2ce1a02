import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, errorMessage, toastError } from '../../../api'
import type { OpsCategoryView } from '../../../core/contracts/catalog-admin'
import { IntentKey } from '../../../utils/intent-key'
import { isForbidden } from '../shared/errors'

export const CATEGORY_NAME_MAX = 20

export type CategoriesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'denied' }
  | { status: 'ready'; items: OpsCategoryView[] }

/** What is wrong with a category name, or null. */
export function categoryNameProblem(name: string, items: OpsCategoryView[], selfId?: string): string | null {
  const trimmed = name.trim()
  if (!trimmed) return '请填写分类名称'
  if (trimmed.length > CATEGORY_NAME_MAX) return `分类名称最多 ${CATEGORY_NAME_MAX} 个字`
  if (items.some((c) => c.name === trimmed && c.categoryId !== selfId)) return '已有同名分类'
  return null
}

/** The categories in their order: add, rename, move up / down (saved at once, one change at a time). */
export function useCategories() {
  const [state, setState] = useState<CategoriesState>({ status: 'loading' })
  const [busy, setBusy] = useState(false)
  const working = useRef(false)
  const intent = useRef(new IntentKey())

  const load = useCallback(async () => {
    setState({ status: 'loading' })
    try {
      setState({ status: 'ready', items: await call('catalog', 'opsCategories', {}) })
    } catch (error) {
      setState(isForbidden(error) ? { status: 'denied' } : { status: 'error', message: errorMessage(error) })
    }
  }, [])

  useEffect(() => {
    void load()
  }, [load])

  /** Runs one change; answers whether it was saved. */
  const run = useCallback(async (work: () => Promise<unknown>, done: string): Promise<boolean> => {
    if (working.current) return false
    working.current = true
    setBusy(true)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      const items = await call('catalog', 'opsCategories', {})
      setState({ status: 'ready', items })
      return true
    } catch (error) {
      if (isForbidden(error)) setState({ status: 'denied' })
      toastError(error)
      return false
    } finally {
      working.current = false
      setBusy(false)
    }
  }, [])

  const add = useCallback(
    async (name: string) => {
      const draft = { name: name.trim() }
      const saved = await run(() => call('catalog', 'saveCategory', { ...draft, requestId: intent.current.for(draft) }), '已添加')
      if (saved) intent.current.renew()
      return saved
    },
    [run]
  )

  const rename = useCallback((categoryId: string, name: string) => run(() => call('catalog', 'saveCategory', { categoryId, name: name.trim() }), '已保存'), [run])

  const move = useCallback(
    (index: number, by: -1 | 1) => {
      if (state.status !== 'ready') return Promise.resolve(false)
      const ids = state.items.map((c) => c.categoryId)
      const to = index + by
      if (to < 0 || to >= ids.length) return Promise.resolve(false)
      ;[ids[index], ids[to]] = [ids[to]!, ids[index]!]
      return run(() => call('catalog', 'sortCategories', { categoryIds: ids }), '顺序已保存')
    },
    [state, run]
  )

  return { state, busy, add, rename, move, reload: load }
}
