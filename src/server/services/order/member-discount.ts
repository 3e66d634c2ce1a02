import type { ServiceDeps } from './deps';

/**
 * The caller's member discount in basis points, applied by pricing to the
 * goods. Always 0 until the members issue fills it from the member's tier;
 * it is decided on the server, never taken from the client.
 */
export async function memberDiscountBpsFor(_deps: ServiceDeps, _openid: string): Promise<number> {
  return 0;
}
