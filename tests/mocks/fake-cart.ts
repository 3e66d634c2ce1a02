// An in-memory cart server for UI tests, with the rules of the real one that the UI relies
// on: lines newest first, a repeated requestId adds once, line problems from stock.
import type { CartLineView, CartView } from '../../src/core/contracts/cart'
import type { ProductDetail } from '../../src/core/contracts/catalog'
import { fail } from './fake-transport'

export function createFakeCart(products: ProductDetail[]) {
  const lines = new Map<string, { quantity: number; addedAt: number }>()
  const seenRequestIds = new Set<string>()
  let clock = 1_000

  const find = (skuId: string) => {
    for (const p of products) {
      const s = p.skus.find((k) => k._id === skuId)
      if (s) return { product: p, sku: s }
    }
    return null
  }

  const view = (): CartView => {
    const out: CartLineView[] = [...lines.entries()]
      .sort((a, b) => b[1].addedAt - a[1].addedAt)
      .map(([skuId, line]) => {
        const found = find(skuId)
        const stock = found?.sku.stock ?? 0
        const problem = !found ? 'SKU_NOT_FOUND' : stock <= 0 ? 'OUT_OF_STOCK' : stock < line.quantity ? 'INSUFFICIENT_STOCK' : null
        const price = found?.sku.price ?? 0
        return {
          skuId,
          productId: found?.product._id ?? null,
          productName: found?.product.name ?? '',
          skuName: found?.sku.name ?? '',
          image: found?.product.image ?? null,
          price,
          quantity: line.quantity,
          stock,
          lineTotal: price * line.quantity,
          available: problem === null,
          problem,
          addedAt: line.addedAt
        }
      })
    const available = out.filter((l) => l.available)
    return {
      lines: out,
      availableCount: available.reduce((n, l) => n + l.quantity, 0),
      availableTotal: available.reduce((n, l) => n + l.lineTotal, 0),
      updatedAt: lines.size > 0 ? clock : null
    }
  }

  const handlers = {
    'cart.list': () => view(),
    'cart.add': ({ skuId, quantity = 1, requestId }: { skuId: string; quantity?: number; requestId?: string }) => {
      if (requestId && seenRequestIds.has(requestId)) return view()
      if (!find(skuId)) throw fail('SKU_NOT_FOUND', '商品规格不存在')
      if (requestId) seenRequestIds.add(requestId)
      const current = lines.get(skuId)
      clock += 1
      lines.set(skuId, { quantity: (current?.quantity ?? 0) + quantity, addedAt: current?.addedAt ?? clock })
      return view()
    },
    'cart.update': ({ skuId, quantity }: { skuId: string; quantity: number }) => {
      const current = lines.get(skuId)
      if (!current) throw fail('CART_ITEM_NOT_FOUND', '购物车中没有该商品')
      lines.set(skuId, { ...current, quantity })
      return view()
    },
    'cart.remove': ({ skuIds }: { skuIds: string[] }) => {
      for (const id of skuIds) lines.delete(id)
      return view()
    }
  }

  /** Puts a line in the cart directly (test setup). */
  const put = (skuId: string, quantity: number) => {
    clock += 1
    lines.set(skuId, { quantity, addedAt: clock })
  }

  return { handlers, view, put, lines }
}
