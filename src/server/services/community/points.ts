import type { PickupPointView, PointsView } from '../../../core/contracts/community';
import { preselectPoint, sortPoints } from '../../../core/community/points';
import type { CommunityPrefDoc, LeaderDoc } from '../../../core/community/types';
import type { LatLng } from '../../../core/pickup/distance';
import type { ServiceDeps } from '../order/deps';
import { CommunityCollections } from './records';

const POINTS_LIMIT = 200;

/**
 * The approved leaders' pickup points for the customer's picker: nearest
 * first when the customer shares their location, else their last point
 * first; the one to preselect.
 */
export async function pickupPoints(deps: ServiceDeps, openid: string, here: LatLng | null): Promise<PointsView> {
  const [{ data: leaders }, { data: prefs }] = await Promise.all([
    deps.db.collection<LeaderDoc>(CommunityCollections.leaders).where({ status: 'APPROVED' }).orderBy('appliedAt', 'asc').limit(POINTS_LIMIT).get(),
    deps.db.collection<CommunityPrefDoc>(CommunityCollections.prefs).doc(openid).get(),
  ]);
  const lastLeaderId = prefs[0]?.lastLeaderId ?? null;
  const views: Array<Omit<PickupPointView, 'distance'>> = leaders.map((leader) => ({
    leaderId: leader._id,
    name: leader.point.name,
    address: leader.point.address,
    hours: `${leader.point.hours.open}–${leader.point.hours.close}`,
    phone: leader.point.phone,
    location: leader.point.location ?? null,
  }));
  const sorted = sortPoints(views, here, lastLeaderId);
  const preselected = preselectPoint(sorted, lastLeaderId, here !== null);
  return {
    points: sorted.map(({ point, distance }) => ({ ...point, distance: distance === null ? null : Math.round(distance) })),
    preselectedLeaderId: preselected?.leaderId ?? null,
    lastLeaderId: lastLeaderId && views.some((v) => v.leaderId === lastLeaderId) ? lastLeaderId : null,
  };
}
