import { distanceMetres, type LatLng } from '../pickup/distance';

export interface PointWithDistance<T> {
  point: T;
  /** Metres from the customer; null when their location is unknown. */
  distance: number | null;
}

/**
 * Pickup points for the picker: nearest first when the customer's location is
 * known (ties and points without a position keep their order); else the
 * customer's last point first, then the given order.
 */
export function sortPoints<T extends { leaderId: string; location: LatLng | null }>(
  points: readonly T[],
  here: LatLng | null,
  lastLeaderId: string | null = null,
): Array<PointWithDistance<T>> {
  const withDistance = points.map((point, index) => ({
    point,
    index,
    distance: here && point.location ? distanceMetres(here, point.location) : null,
  }));
  withDistance.sort((a, b) => {
    if (here) {
      const d = (a.distance ?? Infinity) - (b.distance ?? Infinity);
      if (d !== 0 && Number.isFinite(d)) return d;
      if (a.distance === null && b.distance !== null) return 1;
      if (b.distance === null && a.distance !== null) return -1;
    } else if (lastLeaderId) {
      const lastA = a.point.leaderId === lastLeaderId ? 0 : 1;
      const lastB = b.point.leaderId === lastLeaderId ? 0 : 1;
      if (lastA !== lastB) return lastA - lastB;
    }
    return a.index - b.index;
  });
  return withDistance.map(({ point, distance }) => ({ point, distance }));
}

/** The point preselected: the last one when it is still offered, else the first of the sorted list. */
export function preselectPoint<T extends { leaderId: string }>(sorted: ReadonlyArray<PointWithDistance<T>>, lastLeaderId: string | null, located: boolean): T | null {
  if (sorted.length === 0) return null;
  if (!located && lastLeaderId) {
    const last = sorted.find((p) => p.point.leaderId === lastLeaderId);
    if (last) return last.point;
  }
  return sorted[0].point;
}
