import type { CouponValidity } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The window of a coupon issued at `issuedAt`: relative ones run N × 24 h from issue. */
export function validityWindow(validity: CouponValidity, issuedAt: number): { validFrom: number; validUntil: number } {
  if (validity.type === 'absolute') return { validFrom: validity.from, validUntil: validity.until };
  return { validFrom: issuedAt, validUntil: issuedAt + validity.days * DAY_MS };
}

/** Whether a template can still issue a coupon that is not already over. */
export function validityOpen(validity: CouponValidity, now: number): boolean {
  return validity.type === 'relative' || now < validity.until;
}
