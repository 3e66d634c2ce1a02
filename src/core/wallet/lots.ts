import type { Fen } from '../money';

/**
 * The gift bucket is held in lots (one per top-up, one per refund that
 * returned gift), each with its expiry (null: never). Gift is spent,
 * forfeited and expired from the soonest-expiring lot first, so the lot
 * that would expire next is the one used up first.
 */
export interface GiftLot {
  /** The cause that created it: the top-up order id, or the refund number. */
  id: string;
  fen: Fen;
  expiresAt: number | null;
}

const expiryKey = (lot: GiftLot): number => lot.expiresAt ?? Number.MAX_SAFE_INTEGER;

export function sortLots(lots: readonly GiftLot[]): GiftLot[] {
  return [...lots].sort((a, b) => expiryKey(a) - expiryKey(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const lotsTotal = (lots: readonly GiftLot[]): Fen => lots.reduce((sum, lot) => sum + lot.fen, 0);

/** Takes `fen` from the lots, soonest-expiring first. Answers the lots left and the latest expiry taken from (for a later refund). */
export function takeFromLots(lots: readonly GiftLot[], fen: Fen): { lots: GiftLot[]; latestExpiryTaken: number | null } {
  if (fen > lotsTotal(lots)) throw new RangeError('not enough gift in the lots');
  let left = fen;
  let latest: number | null | undefined;
  const out: GiftLot[] = [];
  for (const lot of sortLots(lots)) {
    if (left > 0) {
      const take = Math.min(lot.fen, left);
      left -= take;
      if (take > 0) latest = latest === undefined ? lot.expiresAt : latest === null || lot.expiresAt === null ? null : Math.max(latest, lot.expiresAt);
      if (lot.fen - take > 0) out.push({ ...lot, fen: lot.fen - take });
    } else out.push(lot);
  }
  return { lots: out, latestExpiryTaken: latest ?? null };
}

export function addLot(lots: readonly GiftLot[], lot: GiftLot): GiftLot[] {
  if (lot.fen <= 0) return [...lots];
  const same = lots.find((l) => l.id === lot.id);
  if (same) return lots.map((l) => (l.id === lot.id ? { ...l, fen: l.fen + lot.fen } : l));
  return sortLots([...lots, lot]);
}

/** The lots past their expiry at `now`. */
export const expiredLots = (lots: readonly GiftLot[], now: number): GiftLot[] => lots.filter((l) => l.expiresAt !== null && l.expiresAt <= now && l.fen > 0);

export function nextExpiryOf(lots: readonly GiftLot[]): number | null {
  const times = lots.filter((l) => l.expiresAt !== null && l.fen > 0).map((l) => l.expiresAt as number);
  return times.length ? Math.min(...times) : null;
}
