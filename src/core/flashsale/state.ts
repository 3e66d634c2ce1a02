import type { FlashSaleState } from '../contracts/flashsale';

export interface SaleClock {
  startAt: number;
  endAt: number;
  stoppedAt: number | null;
  /** Units not yet held by orders. */
  remaining: number;
}

/**
 * The sale's state at `now` (the server clock). Stopped early counts as
 * ENDED; a sale that sold out stays SOLD_OUT after its end (until a unit
 * comes back after the end, which makes it ENDED).
 */
export function saleState(sale: SaleClock, now: number): FlashSaleState {
  if (sale.stoppedAt !== null) return 'ENDED';
  if (now < sale.startAt) return 'SCHEDULED';
  if (sale.remaining <= 0) return 'SOLD_OUT';
  if (now >= sale.endAt) return 'ENDED';
  return 'LIVE';
}

/** Operators may change a sale only before it starts. */
export const isEditable = (state: FlashSaleState): boolean => state === 'SCHEDULED';
