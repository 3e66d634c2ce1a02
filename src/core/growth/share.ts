/**
 * Share attribution (分享归因): who shared what, who opened it, and which of
 * the opener's orders followed. The order's target is matched against the
 * opener's recent opens; the latest open within the window wins.
 */
export const SHARE_KINDS = ['product', 'groupbuy', 'flashsale', 'invite', 'live'] as const;
export type ShareKind = (typeof SHARE_KINDS)[number];

export const SHARE_KIND_LABELS: Record<ShareKind, string> = {
  product: '商品',
  groupbuy: '拼团',
  flashsale: '秒杀',
  invite: '邀请',
  live: '直播间',
};

export interface ShareTouch {
  /** The sharer's openid (server side only). */
  sharer: string;
  kind: ShareKind;
  targetId: string;
  at: number;
}

/** Opens kept per opener (the newest). */
export const TOUCHES_KEPT = 20;

/** The opener's touches with `touch` added (a newer open of the same target replaces the older), newest first, at most TOUCHES_KEPT. */
export function withTouch(touches: readonly ShareTouch[], touch: ShareTouch): ShareTouch[] {
  const rest = touches.filter((t) => !(t.kind === touch.kind && t.targetId === touch.targetId));
  return [touch, ...rest].sort((a, b) => b.at - a.at).slice(0, TOUCHES_KEPT);
}

/** What an order was bought for, as share targets. */
export interface OrderTargets {
  productIds: readonly string[];
  groupBuyActivityId?: string | null;
  groupBuyGroupId?: string | null;
  flashSaleId?: string | null;
  liveRoomId?: string | null;
}

export function orderTargetsOf(order: {
  items: ReadonlyArray<{ productId: string }>;
  groupBuy?: { activityId: string; groupId?: string } | null;
  flashSale?: { saleId: string } | null;
  liveRoomId?: string | null;
}): OrderTargets {
  return {
    productIds: order.items.map((i) => i.productId),
    groupBuyActivityId: order.groupBuy?.activityId ?? null,
    groupBuyGroupId: order.groupBuy?.groupId ?? null,
    flashSaleId: order.flashSale?.saleId ?? null,
    liveRoomId: order.liveRoomId ?? null,
  };
}

const matches = (touch: ShareTouch, targets: OrderTargets): boolean => {
  switch (touch.kind) {
    case 'product':
      return targets.productIds.includes(touch.targetId);
    case 'groupbuy':
      // A group-buy is shared as its activity or as one group of it.
      return targets.groupBuyActivityId === touch.targetId || targets.groupBuyGroupId === touch.targetId;
    case 'flashsale':
      return targets.flashSaleId === touch.targetId;
    case 'live':
      return targets.liveRoomId === touch.targetId;
    case 'invite':
      return false;
  }
};

/**
 * The share an order created at `createdAt` is attributed to: the latest
 * touch of one of its targets opened before the order and within the window,
 * by someone other than the buyer. Null when none.
 */
export function attributedShare(touches: readonly ShareTouch[], targets: OrderTargets, buyer: string, createdAt: number, windowMs: number): ShareTouch | null {
  let best: ShareTouch | null = null;
  for (const touch of touches) {
    if (touch.sharer === buyer || touch.at > createdAt || createdAt - touch.at > windowMs) continue;
    if (!matches(touch, targets)) continue;
    if (!best || touch.at > best.at) best = touch;
  }
  return best;
}

/** Route → share kind and the query parameter naming its target (the pages whose cards carry `sharer=`). */
export const SHARE_PAGES: Record<string, { kind: ShareKind; param: string }> = {
  'pages/product/index': { kind: 'product', param: 'id' },
  'packages/groupbuy/activity/index': { kind: 'groupbuy', param: 'id' },
  'packages/groupbuy/group/index': { kind: 'groupbuy', param: 'id' },
  'packages/flashsale/detail/index': { kind: 'flashsale', param: 'id' },
  'packages/live/room/index': { kind: 'live', param: 'id' },
};
