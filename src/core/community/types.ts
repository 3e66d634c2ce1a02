import type { Fen } from '../money';
import type { LatLng } from '../pickup/distance';
import type { LeaderStatus } from './leader';

/** A leader's pickup point (自提点): where the neighbours collect their orders. */
export interface PickupPoint {
  name: string;
  address: string;
  /** `{open: 'HH:MM', close: 'HH:MM'}`. */
  hours: { open: string; close: string };
  location: LatLng;
  phone: string;
}

/** `community_leaders/<leaderId>`: one per openid (`leaderIdOf`), its status along core/community/leader. */
export interface LeaderDoc {
  openid: string;
  /** The applicant's name as they gave it (shown to operators; customers see the point only). */
  realName: string;
  point: PickupPoint;
  status: LeaderStatus;
  /** The operator's reason of the latest rejection or suspension. */
  reason: string | null;
  appliedAt: number;
  reviewedAt: number | null;
  reviewedBy: string | null;
  history: Array<{ event: string; from: LeaderStatus | null; to: LeaderStatus; at: number; by: string; reason?: string | null }>;
  updatedAt: number;
}

/** One SKU of a community activity; `price` absent: the catalog SKU's own price. */
export interface ActivityItem {
  skuId: string;
  productId: string;
  productName: string;
  skuName: string;
  image: string | null;
  /** The activity price (fen), or null for the SKU's catalog price. */
  price: Fen | null;
}

export type ActivityStatus = 'OPEN' | 'CLOSED';

/** `community_activities/<activityId>`. */
export interface CommunityActivityDoc {
  title: string;
  description: string;
  items: ActivityItem[];
  startAt: number;
  /** Orders are taken until this instant (exclusive), checked inside the order's transaction. */
  cutoffAt: number;
  /** The Shanghai day after the cut-off (`pickupDateOf`). */
  pickupDate: string;
  /** The leaders' commission on this activity's orders, basis points. */
  commissionBps: number;
  /** An operator may close it early; CLOSED takes no more orders. */
  status: ActivityStatus;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  requestId: string | null;
}

/** What a community order carries (`order.community`), fixed when it is placed. */
export type { OrderCommunityInfo } from '../order/types';

/** `community_prefs/<openid>`: the pickup point the customer ordered at last (preselected next time). */
export interface CommunityPrefDoc {
  lastLeaderId: string;
  updatedAt: number;
}

/** `community_statements/<leaderId>:<YYYY-MM>`: the operator's confirmation of a leader's month, frozen from then. */
export interface StatementConfirmationDoc {
  leaderId: string;
  month: string;
  accruedFen: Fen;
  reversedFen: Fen;
  netFen: Fen;
  entries: number;
  confirmedAt: number;
  confirmedBy: string;
}
