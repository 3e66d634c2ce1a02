/** Why points moved; each ledger entry has one. */
export const POINTS_KINDS = ['earn', 'checkin', 'redeem', 'refund', 'expire', 'adjust', 'gift', 'return', 'instore'] as const;
export type PointsKind = (typeof POINTS_KINDS)[number];

/** The ledger page's filter: points in (delta > 0) or out (delta < 0). */
export type PointsDirection = 'earn' | 'spend';

export const POINTS_KIND_LABELS: Record<PointsKind, string> = {
  earn: '消费得积分',
  checkin: '签到有礼',
  redeem: '积分兑换',
  refund: '退款扣回',
  expire: '积分过期',
  adjust: '积分调整',
  gift: '赠送积分',
  return: '兑换退回',
  instore: '门店消费',
};
