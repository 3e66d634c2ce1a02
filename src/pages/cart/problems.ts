import type { CartLineView } from '../../core/contracts/cart'

/** Why a cart line cannot be ordered, as the customer reads it. */
export function problemLabel(line: Pick<CartLineView, 'problem' | 'stock'>): string | null {
  switch (line.problem) {
    case 'OUT_OF_STOCK':
      return '已售罄'
    case 'INSUFFICIENT_STOCK':
      return `库存不足，仅剩 ${line.stock} 件`
    case 'PRODUCT_OFF_SALE':
      return '已下架'
    case 'SKU_NOT_FOUND':
      return '商品已失效'
    default:
      return null
  }
}
