import type { Fen } from '../money';
import { monthRangeMs } from '../points/china-day';

/** A leader's month from their commission ledger entries (signed `amountFen`: accruals > 0, reversals < 0). */
export interface StatementTotals {
  accruedFen: Fen;
  reversedFen: Fen;
  netFen: Fen;
  entries: number;
  orders: number;
}

export function statementTotals(entries: ReadonlyArray<{ amountFen: Fen; type: 'accrue' | 'reverse'; orderId: string }>): StatementTotals {
  let accruedFen = 0;
  let reversedFen = 0;
  const orders = new Set<string>();
  for (const entry of entries) {
    if (entry.type === 'accrue') {
      accruedFen += entry.amountFen;
      orders.add(entry.orderId);
    } else reversedFen += -entry.amountFen;
  }
  return { accruedFen, reversedFen, netFen: accruedFen - reversedFen, entries: entries.length, orders: orders.size };
}

/**
 * A month can be confirmed once it is over (Shanghai time): entries count in
 * the month they are made, so from then on nothing new lands in it and the
 * confirmed statement stays as confirmed; a later reversal counts in its own month.
 */
export const monthIsOver = (month: string, now: number): boolean => now >= monthRangeMs(month).end;
