import { create } from 'zustand'
import { call, errorMessage } from '../api'
import type { CartLineView, CartView } from '../core/contracts/cart'
import type { Fen } from '../core/money'
import { newRequestId } from '../utils/request-id'

/**
 * The customer's cart as the server last answered it. The server is the
 * source of truth (the cart survives reloads and devices); this store caches
 * its CartView, remembers which lines are selected for checkout, and which
 * lines have a write in flight.
 */
export type CartStatus = 'idle' | 'loading' | 'ready' | 'error'

export interface CartState {
  status: CartStatus
  /** The last load failure (Chinese), when status is 'error'. */
  error: string | null
  lines: CartLineView[]
  /** Total quantity over every line (the tab bar badge). */
  count: number
  updatedAt: number | null
  /** Lines chosen for checkout; only available lines can be selected. */
  selectedSkuIds: string[]
  /** Lines with an update or remove in flight (their controls are disabled). */
  pendingSkuIds: string[]

  /** Fetches the cart; answers false on failure (the error state, or the lines kept on a failed refresh). */
  load: () => Promise<boolean>
  /** Adds `quantity`; pass one requestId per tap intent so a repeat adds once. */
  add: (skuId: string, quantity: number, requestId?: string) => Promise<CartView>
  update: (skuId: string, quantity: number) => Promise<void>
  remove: (skuIds: string[]) => Promise<void>
  toggle: (skuId: string) => void
  selectAll: (selected: boolean) => void
  /** Forgets everything (another identity signed in). */
  reset: () => void
}

const INITIAL = {
  status: 'idle' as CartStatus,
  error: null,
  lines: [] as CartLineView[],
  count: 0,
  updatedAt: null,
  selectedSkuIds: [] as string[],
  pendingSkuIds: [] as string[]
}

export const useCartStore = create<CartState>()((set, get) => {
  /** Lines seen before: a line not seen before is selected when it arrives. */
  let known = new Set<string>()

  const apply = (view: CartView) => {
    const previous = new Set(get().selectedSkuIds)
    const selectedSkuIds = view.lines
      .filter((line) => line.available && (previous.has(line.skuId) || !known.has(line.skuId)))
      .map((line) => line.skuId)
    known = new Set(view.lines.map((line) => line.skuId))
    set({
      status: 'ready',
      error: null,
      lines: view.lines,
      count: view.lines.reduce((sum, line) => sum + line.quantity, 0),
      updatedAt: view.updatedAt,
      selectedSkuIds
    })
  }

  const withPending = async <T>(skuIds: string[], run: () => Promise<T>): Promise<T> => {
    set((s) => ({ pendingSkuIds: [...s.pendingSkuIds, ...skuIds] }))
    try {
      return await run()
    } finally {
      set((s) => ({ pendingSkuIds: s.pendingSkuIds.filter((id) => !skuIds.includes(id)) }))
    }
  }

  return {
    ...INITIAL,

    async load() {
      if (get().status !== 'ready') set({ status: 'loading', error: null })
      try {
        apply(await call('cart', 'list', {}))
        return true
      } catch (error) {
        // A failed refresh keeps the lines already shown; only a first load shows the error state.
        set(get().status === 'ready' ? { error: errorMessage(error) } : { status: 'error', error: errorMessage(error) })
        return false
      }
    },

    async add(skuId, quantity, requestId = newRequestId()) {
      const view = await call('cart', 'add', { skuId, quantity, requestId })
      apply(view)
      // What was just added is what the customer means to buy: select it again if it was unticked.
      const line = view.lines.find((l) => l.skuId === skuId)
      if (line?.available && !get().selectedSkuIds.includes(skuId)) set({ selectedSkuIds: [...get().selectedSkuIds, skuId] })
      return view
    },

    async update(skuId, quantity) {
      await withPending([skuId], async () => apply(await call('cart', 'update', { skuId, quantity })))
    },

    async remove(skuIds) {
      if (skuIds.length === 0) return
      await withPending(skuIds, async () => apply(await call('cart', 'remove', { skuIds })))
    },

    toggle(skuId) {
      const line = get().lines.find((l) => l.skuId === skuId)
      if (!line?.available) return
      const selected = get().selectedSkuIds
      set({ selectedSkuIds: selected.includes(skuId) ? selected.filter((id) => id !== skuId) : [...selected, skuId] })
    },

    selectAll(selected) {
      set({ selectedSkuIds: selected ? get().lines.filter((l) => l.available).map((l) => l.skuId) : [] })
    },

    reset() {
      known = new Set()
      set({ ...INITIAL })
    }
  }
})

/** The selected lines, in cart order. */
export const selectedLines = (state: Pick<CartState, 'lines' | 'selectedSkuIds'>): CartLineView[] =>
  state.lines.filter((line) => line.available && state.selectedSkuIds.includes(line.skuId))

/** Sum of the selected lines in fen (current prices, before shipping and discounts). */
export const selectedTotal = (state: Pick<CartState, 'lines' | 'selectedSkuIds'>): Fen =>
  selectedLines(state).reduce((sum, line) => sum + line.lineTotal, 0)

/** Quantity over the selected lines. */
export const selectedCount = (state: Pick<CartState, 'lines' | 'selectedSkuIds'>): number =>
  selectedLines(state).reduce((sum, line) => sum + line.quantity, 0)

/** Every available line is selected (and there is at least one). */
export const allSelected = (state: Pick<CartState, 'lines' | 'selectedSkuIds'>): boolean => {
  const available = state.lines.filter((line) => line.available)
  return available.length > 0 && available.every((line) => state.selectedSkuIds.includes(line.skuId))
}
