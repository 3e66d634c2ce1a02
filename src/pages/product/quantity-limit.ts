/** The most one order line may take of a SKU, and the words for why the stepper stops there. */
export function quantityLimit(stock: number, perOrder: number): { max: number; reason: string } {
  const left = Math.max(0, stock)
  if (left <= perOrder) return { max: left, reason: `库存仅剩 ${left} 件` }
  return { max: perOrder, reason: `每单限购 ${perOrder} 件` }
}
