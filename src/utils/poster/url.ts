import type { PosterKind } from './layout'

/**
 * The poster page (subpackage packages/share) of a product, a group-buy
 * activity or group, a flash sale, or the member's invite (no id). Kept
 * apart from the page so the main package can link to it for a few bytes.
 */
export const posterUrl = (kind: PosterKind, id?: string): string =>
  `/packages/share/poster/index?kind=${kind}${id ? `&id=${encodeURIComponent(id)}` : ''}`
