/**
 * Business limits the client checks before asking (the server checks them
 * again). Mirrors src/core/contracts/cart.ts, which cannot be imported as a
 * value without bringing zod into the app bundle.
 */
export const MAX_LINE_QUANTITY = 99

/** The most a customer may choose of a SKU with `stock` left. */
export const maxQuantityFor = (stock: number): number => Math.max(0, Math.min(stock, MAX_LINE_QUANTITY))
