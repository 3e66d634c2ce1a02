/** A message's page (the template's, e.g. `packages/trade/order/index?id=…`) → the URL to open; null when it has none. */
export function inboxLink(page: string): string | null {
  const path = page.trim().replace(/^\/+/, '')
  return path ? `/${path}` : null
}
