/** How a member came to buy (获客渠道): the channel of their first paid order, unless an invite or guide bound them first. */
export const CHANNELS = ['live', 'groupbuy', 'flashsale', 'campaign', 'invite', 'guide', 'direct'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  live: '直播间',
  groupbuy: '拼团分享',
  flashsale: '秒杀',
  campaign: '营销活动',
  invite: '老带新',
  guide: '导购',
  direct: '自然访问',
};

export interface OrderChannelFacts {
  liveRoomId?: string | null;
  source?: string | null;
  /** The order used a coupon a campaign or journey delivered. */
  campaignCoupon: boolean;
}

/** First that holds: a live room, a campaign's coupon, a group-buy, a flash sale; else direct. */
export function channelOfOrder(order: OrderChannelFacts): Channel {
  if (order.liveRoomId) return 'live';
  if (order.campaignCoupon) return 'campaign';
  if (order.source === 'groupbuy') return 'groupbuy';
  if (order.source === 'flashsale') return 'flashsale';
  return 'direct';
}
