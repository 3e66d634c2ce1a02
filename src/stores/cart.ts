import { create } from 'zustand'

export interface CartState {
  count: number
  add: (n?: number) => void
  clear: () => void
}

export const useCartStore = create<CartState>()((set) => ({
  count: 0,
  add: (n = 1) => set((s) => ({ count: s.count + n })),
  clear: () => set({ count: 0 })
}))
