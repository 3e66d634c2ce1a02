/**
 * Every index in src/server/schema.ts earns its place (issue 15): each is
 * written on every insert and update, so each must serve a query the
 * project makes. USES maps every index to that query, as the service issues
 * it (collection, where, orderBy; `count` for a count), and SQLite's
 * EXPLAIN QUERY PLAN of the statement the local engine runs for it must
 * name the index. A unique index earns its place by the duplicate it
 * refuses (`unique`); a lookup by its key is checked too where one exists.
 *
 * An index without an entry fails here: when you add one, add the query that
 * needs it (and the service file it comes from). An index that nothing
 * queries is dropped from the schema instead.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DbCommand, Query } from '../../src/server/db';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { explainCount, explainQueryPlan } from '../../src/server/local/db/explain';
import type { OrderKey } from '../../src/server/local/db/sort';
import { schema } from '../../src/server/schema';

interface Use {
  /** The service (file: function) that makes this query. */
  by: string;
  where: (_: DbCommand) => Query;
  order?: OrderKey[];
  /** The query is a count() (the engine's COUNT(*) or its counted scan). */
  count?: boolean;
}

interface UniqueUse {
  by: string;
  /** What the unique key refuses. */
  unique: string;
  /** A lookup by the key, when the project makes one. */
  lookup?: Use;
}

const NOW = 1_764_600_000_000;
const asc = (path: string): OrderKey => ({ path, direction: 'asc' });
const desc = (path: string): OrderKey => ({ path, direction: 'desc' });
const range = (_: DbCommand, low: number, high: number) => _.gte(low).and(_.lte(high));
/** The pickers' "starts with q" range; SQL gets `q <= x < q'` (the upper bound widened, sql-prefilter.ts). */
const prefix = (_: DbCommand, q: string) => _.gte(q).and(_.lt(`${q}\uffff`));

/** `<collection>.<index>` → the query that needs it. */
const USES: Record<string, Use | UniqueUse> = {
  // ---- catalog
  'categories.sort': { by: 'catalog/service listCategories, catalog/categories', where: () => ({}), order: [asc('sort')] },
  'products.categoryId_sort': { by: 'catalog/categories: products of each category (count)', where: () => ({ categoryId: 'c1' }), count: true },
  'products.status_categoryId_sort': {
    by: 'catalog/service listProducts of a category',
    where: () => ({ status: 'ON_SALE', categoryId: 'c1' }),
    order: [asc('sort'), asc('_id')],
  },
  'products.status_sort': { by: 'catalog/service listProducts, home featured', where: () => ({ status: 'ON_SALE' }), order: [asc('sort'), asc('_id')] },
  'product_search.term_sort': { by: 'catalog/search', where: () => ({ term: '茶' }), order: [asc('sort'), asc('productId')] },
  'skus.productId': { by: 'catalog/admin-products, catalog/records loadSkusOf', where: (_) => ({ productId: _.in(['p1', 'p2']) }) },
  'skus.stock': { by: 'stock/queries lowStock', where: (_) => ({ stock: _.lte(5) }), order: [asc('stock')] },
  'stock_ledger.skuId_at': { by: 'stock/queries stockLedger', where: () => ({ skuId: 's1' }), order: [desc('at'), desc('_id')] },
  'carts.updatedAt': { by: 'crm/idle-carts (journeys: carts idle N hours)', where: (_) => ({ updatedAt: _.gt(NOW - 1000).and(_.lte(NOW)) }), order: [asc('updatedAt')] },
  'banners.sort': { by: 'catalog/service home banners', where: () => ({}), order: [asc('sort')] },
  // ---- orders
  'orders.openid_createdAt': { by: 'order/queries listOrders, crm/member-profile, crm/rebuild', where: () => ({ openid: 'u1' }), order: [desc('createdAt')] },
  'orders.openid_status_createdAt': { by: 'order/queries listOrders of a status', where: () => ({ openid: 'u1', status: 'PAID' }), order: [desc('createdAt')] },
  'orders.status_expiresAt': { by: 'order/expire (timer: unpaid past their deadline)', where: (_) => ({ status: 'PENDING_PAYMENT', expiresAt: _.lte(NOW) }), order: [asc('expiresAt')] },
  'orders.requestKey_unique': { by: 'order/create', unique: 'a second order for the same request (requestKey = <openid>:<requestId>)' },
  'orders.status_refundRequestedAt': {
    by: 'order/auto-approve (timer), order/review-list pending',
    where: (_) => ({ status: 'REFUND_REQUESTED', 'refundRequest.requestedAt': _.lte(NOW) }),
    order: [asc('refundRequest.requestedAt')],
  },
  'orders.refundState_decidedAt': {
    by: 'order/review-list decided',
    where: (_) => ({ 'refundRequest.state': _.in(['APPROVED', 'REJECTED']) }),
    order: [desc('refundRequest.decidedAt')],
  },
  'orders.paidAt': { by: 'stats/rebuild: orders paid since a day', where: (_) => ({ paidAt: _.gte(NOW - 86_400_000) }), order: [asc('paidAt')] },
  'orders.createdAt': { by: 'order/search without filters (createdAt windows)', where: (_) => ({ createdAt: range(_, NOW - 3_600_000, NOW) }), order: [desc('createdAt'), desc('_id')] },
  'orders.status_createdAt': {
    by: 'order/search by status; ops orders by status and their count',
    where: (_) => ({ status: 'PAID', createdAt: range(_, NOW - 3_600_000, NOW) }),
    order: [desc('createdAt'), desc('_id')],
  },
  'orders.source_createdAt': { by: 'order/search by kind', where: (_) => ({ source: 'flashsale', createdAt: range(_, NOW - 3_600_000, NOW) }), order: [desc('createdAt'), desc('_id')] },
  'orders.liveRoomId_createdAt': {
    by: 'order/search kind=live; live/sales a room\'s sold orders',
    where: (_) => ({ liveRoomId: _.in(['r1', 'r2']), createdAt: range(_, NOW - 3_600_000, NOW) }),
    order: [desc('createdAt'), desc('_id')],
  },
  'orders.storeId_createdAt': {
    by: 'order/search by store',
    where: (_) => ({ 'fulfillment.storeId': 'st1', createdAt: range(_, NOW - 3_600_000, NOW) }),
    order: [desc('createdAt'), desc('_id')],
  },
  'orders.phone_createdAt': {
    by: 'order/search by phone',
    where: (_) => _.and([{ 'fulfillment.address.phone': '13900000000' }, { createdAt: _.lte(NOW) }]) as unknown as Query,
    order: [desc('createdAt'), desc('_id')],
  },
  'orders.pickupCode': { by: 'order/search by 取货码', where: () => ({ 'fulfillment.pickupCode': '12345678' }), order: [desc('createdAt'), desc('_id')] },
  'orders.orderNo': { by: 'staff/scan-pickup', where: () => ({ orderNo: '20261201000001' }) },
  'orders.communityLeader_pickupDate_createdAt': {
    by: 'community/handout: a leader\'s hand-out list for a day',
    where: (_) => ({ 'community.leaderId': 'ld1', 'community.pickupDate': '2026-12-01', status: _.in(['PAID', 'READY_FOR_PICKUP']) }),
    order: [asc('createdAt')],
  },
  'orders.communityActivity_createdAt': {
    by: 'community/sales: an activity\'s sales',
    where: (_) => ({ 'community.activityId': 'ca1', status: _.in(['PAID', 'COMPLETED']) }),
    order: [asc('createdAt')],
  },
  'users.nickname': { by: 'staff/people searchUsers', where: (_) => ({ nickname: prefix(_, 'ab') }) },
  'refunds.status_leaseUntil': { by: 'order/refunds (refund worker: due refunds)', where: (_) => ({ status: 'DUE', leaseUntil: _.lte(NOW) }), order: [asc('createdAt')] },
  'refunds.orderId': { by: 'order/ops-detail, crm/rebuild', where: () => ({ orderId: 'o1' }) },
  'refunds.status_doneAt': { by: 'stats/rebuild: refunds done since a day', where: (_) => ({ status: 'DONE', doneAt: _.gte(NOW - 86_400_000) }), order: [asc('doneAt')] },
  'sandbox_payments.orderId': { by: 'local/pay/sandbox paymentsOfOrder, local/cloud paymentOwner', where: () => ({ orderId: 'o1' }) },
  // ---- members and points
  'members.memberId_unique': {
    by: 'member/join (card numbers)',
    unique: 'two members with one card number',
    lookup: { by: 'member/access memberByCardNumber', where: () => ({ memberId: 'M000000001' }) },
  },
  'members.nickname': { by: 'member/search, staff/people', where: (_) => ({ nickname: prefix(_, 'ab') }), order: [asc('nickname')] },
  'members.phone': { by: 'order/search memberOpenidsByPhone, member/search', where: () => ({ phone: '13900000000' }) },
  'members.joinedAt': { by: 'stats/rebuild: members joined since a day', where: (_) => ({ joinedAt: _.gte(NOW - 86_400_000) }), order: [asc('joinedAt')] },
  'points_ledger.openid_createdAt': { by: 'crm/member-profile', where: () => ({ openid: 'u1' }), order: [desc('createdAt')] },
  'points_ledger.openid_seq': { by: 'points/queries pointsLedger', where: (_) => ({ openid: 'u1', seq: _.lt(100) }), order: [desc('seq')] },
  'points_accounts.nextExpiryAt': { by: 'points/expire (timer), notify/scan expiring points', where: (_) => ({ nextExpiryAt: _.lte(NOW) }), order: [asc('nextExpiryAt')] },
  // ---- stored value (issue 14)
  'wallet_accounts.nextGiftExpiryAt': { by: 'wallet/expire gift expiry (timer)', where: (_) => ({ nextGiftExpiryAt: _.lte(NOW) }), order: [asc('nextGiftExpiryAt')] },
  'wallet_entries.openid_seq': { by: 'wallet/queries walletLedger', where: (_) => ({ openid: 'u1', seq: _.lt(100) }), order: [desc('seq')] },
  'wallet_plans.sort': { by: 'wallet/plans allPlans', where: () => ({}), order: [asc('sort')] },
  'wallet_topups.openid_status_paidAt': { by: 'wallet/principal-refund paid top-ups', where: () => ({ openid: 'u1', status: 'PAID' }), order: [desc('paidAt')] },
  'wallet_topups.planId_status': { by: 'wallet/plans opsPlans count', where: () => ({ planId: 'p1', status: 'PAID' }), count: true },
  'wallet_refunds.openid_requestedAt': { by: 'wallet/principal-refund myRefunds', where: () => ({ openid: 'u1' }), order: [desc('requestedAt')] },
  'wallet_refunds.status_requestedAt': { by: 'wallet/principal-refund opsRefunds', where: () => ({ status: 'PENDING' }), order: [desc('requestedAt')] },
  'wallet_payouts.status_leaseUntil_createdAt': { by: 'wallet/principal-refund processPayouts', where: (_) => ({ status: 'DUE', leaseUntil: _.lte(NOW) }), order: [asc('createdAt')] },
  'wallet_charges.openid_status_expiresAt': { by: 'wallet/charge pendingCharges', where: (_) => ({ openid: 'u1', status: 'AWAITING_CONFIRM', expiresAt: _.gt(NOW) }) },
  'wallet_charges.status_expiresAt': { by: 'wallet/charge expireCharges (timer)', where: (_) => ({ status: 'AWAITING_CONFIRM', expiresAt: _.lte(NOW) }), order: [asc('expiresAt')] },
  'wallet_days.day': { by: 'wallet/overview day rollups', where: (_) => ({ day: _.in(['2026-12-01', '2026-12-02']) }) },
  // ---- coupons and the points mall
  'coupons.openid_status_validUntil': {
    by: 'promotion/checkout usable coupons, coupon-queries AVAILABLE',
    where: (_) => ({ openid: 'u1', status: 'AVAILABLE', validUntil: _.gt(NOW) }),
    order: [asc('validUntil')],
  },
  'coupons.openid_issuedAt': { by: 'promotion/coupon-queries all, crm/member-profile', where: () => ({ openid: 'u1' }), order: [desc('issuedAt')] },
  'coupons.status_validUntil': { by: 'promotion/expire (timer)', where: (_) => ({ status: 'AVAILABLE', validUntil: _.lte(NOW) }) },
  'coupons.code_unique': {
    by: 'promotion/grant (coupon codes)',
    unique: 'two coupons with one code',
    lookup: { by: 'staff/coupon, promotion/verify', where: () => ({ code: 'C123456' }) },
  },
  'coupon_templates.status_claimable_sort': { by: 'promotion/coupon-queries listClaimCenter', where: () => ({ status: 'ACTIVE', claimable: true }), order: [asc('sort')] },
  'coupon_templates.createdAt': { by: 'promotion/templates listOpsTemplates', where: () => ({}), order: [desc('createdAt')] },
  'mall_items.status_sort': { by: 'promotion/mall-queries listMallItems', where: () => ({ status: 'ON_SALE' }), order: [asc('sort')] },
  // ---- flash sales and group-buys
  'flash_sales.startAt': { by: 'flashsale/queries operator list', where: () => ({}), order: [desc('startAt')] },
  'flash_sales.stoppedAt_endAt': { by: 'flashsale/queries customer list', where: (_) => ({ stoppedAt: null, endAt: _.gt(NOW) }), order: [asc('startAt')] },
  'flash_sales.settledAt_endAt': { by: 'flashsale/settle (timer)', where: (_) => ({ settledAt: null, endAt: _.lte(NOW) }) },
  'flash_sale_shards.saleId': { by: 'flashsale/records shardsOf', where: (_) => ({ saleId: _.in(['fs1']) }) },
  'flash_sale_members.saleId_paid': { by: 'flashsale/queries paid buyers (count)', where: (_) => ({ saleId: 'fs1', paid: _.gt(0) }), count: true },
  'flash_sale_reminders.saleId_status': { by: 'flashsale/edit: pending reminders of a sale', where: () => ({ saleId: 'fs1', status: 'PENDING' }) },
  'flash_sale_reminders.status_remindAt': { by: 'notify/scan flash-sale reminders (timer)', where: (_) => ({ status: 'PENDING', remindAt: _.lte(NOW) }), order: [asc('remindAt')] },
  'groupbuy_activities.createdAt': { by: 'groupbuy/queries operator list', where: () => ({}), order: [desc('createdAt')] },
  'groupbuy_activities.stoppedAt_endAt': { by: 'groupbuy/queries customer list', where: (_) => ({ stoppedAt: null, endAt: _.gt(NOW) }), order: [asc('endAt')] },
  'groupbuy_groups.activityId_state_expiresAt': {
    by: 'groupbuy/queries open groups of an activity',
    where: (_) => ({ activityId: 'a1', state: 'OPEN', expiresAt: _.gt(NOW) }),
    order: [asc('expiresAt')],
  },
  'groupbuy_groups.state_expiresAt': { by: 'groupbuy/expire (timer)', where: (_) => ({ state: 'OPEN', expiresAt: _.lte(NOW) }), order: [asc('expiresAt')] },
  'groupbuy_seats.activityId_state': { by: 'groupbuy/queries seats by state (count)', where: () => ({ activityId: 'a1', state: 'PAID' }), count: true },
  // ---- notifications
  'notify_outbox.status_nextAttemptAt': { by: 'notify/deliver (timer)', where: (_) => ({ status: 'PENDING', nextAttemptAt: _.lte(NOW) }), order: [asc('nextAttemptAt')] },
  'notify_outbox.openid_createdAt': { by: 'local/seed/history: the seeded members\' outbox entries', where: (_) => ({ openid: _.in(['u1', 'u2']) }) },
  'notify_inbox.openid_createdAt': { by: 'notify/inbox list', where: () => ({ openid: 'u1' }), order: [desc('createdAt')] },
  'notify_inbox.openid_read': { by: 'notify/inbox unread (count)', where: () => ({ openid: 'u1', read: false }), count: true },
  // ---- staff and live
  'staff_audit.at': { by: 'staff/audit all', where: () => ({}), order: [desc('at')] },
  'staff_audit.storeId_at': { by: 'staff/audit by store', where: () => ({ storeId: 'st1' }), order: [desc('at')] },
  'staff_audit.staffOpenid_at': { by: 'staff/audit by who acted', where: () => ({ staffOpenid: 'u1' }), order: [desc('at')] },
  'staff_audit.action_at': { by: 'staff/audit by kind', where: (_) => ({ action: _.in(['grantStaff', 'revokeStaff']) }), order: [desc('at')] },
  'member_codes.digits_unique': {
    by: 'member/numeric-code',
    unique: 'two members shown the same digits',
    lookup: { by: 'member/numeric-code resolve', where: () => ({ digits: '123456789012' }) },
  },
  'live_rooms.startAt': { by: 'live/queries, live/sales', where: () => ({}), order: [desc('startAt')] },
  'live_rooms.origin': { by: 'live/sync local rooms', where: () => ({ origin: 'local' }) },
  'live_reminders.roomId_status': { by: 'live/sync: move a room\'s pending reminders', where: () => ({ roomId: 'r1', status: 'PENDING' }) },
  'live_reminders.status_remindAt': { by: 'notify/scan live reminders (timer)', where: (_) => ({ status: 'PENDING', remindAt: _.lte(NOW) }), order: [asc('remindAt')] },
  'stats_daily.day': { by: 'stats/overview', where: (_) => ({ day: _.gte('2026-11-01').and(_.lte('2026-11-30')) }), order: [asc('day')] },
  // ---- CRM
  'crm_profiles.tags': { by: 'crm/members filtered by tag, crm/tags counts (count)', where: () => ({ tags: 'VIP' }), count: true },
  'crm_profiles.sk_last': { by: 'crm/members sorted by last order', where: () => ({}), order: [desc('sk.last')] },
  'crm_profiles.sk_spend': { by: 'crm/members sorted by spend', where: () => ({}), order: [desc('sk.spend')] },
  'crm_profiles.sk_orders': { by: 'crm/members sorted by orders', where: () => ({}), order: [desc('sk.orders')] },
  'crm_profiles.sk_joined': { by: 'crm/members sorted by joining', where: () => ({}), order: [desc('sk.joined')] },
  'crm_profiles.rfmClass_skLast': { by: 'crm/members filtered by RFM class', where: (_) => ({ 'rfm.class': _.in(['champion']) }), order: [desc('sk.last')] },
  'crm_profiles.lifecycle_skLast': { by: 'crm/members filtered by stage', where: (_) => ({ lifecycle: _.in(['active']) }), order: [desc('sk.last')] },
  'crm_profiles.tierId_skLast': { by: 'crm/members filtered by tier', where: (_) => ({ tierId: _.in(['gold']) }), order: [desc('sk.last')] },
  'crm_profiles.channel_skLast': { by: 'crm/members filtered by channel', where: (_) => ({ channel: _.in(['invite']) }), order: [desc('sk.last')] },
  'crm_profiles.aovFen': { by: 'crm/members filtered by average order (count)', where: (_) => ({ aovFen: _.gte(5000) }), count: true },
  'crm_profiles.nickname': { by: 'crm/members search by nickname (count)', where: (_) => ({ nickname: prefix(_, 'ab') }), count: true },
  'crm_profiles.phone': { by: 'crm/members search by phone (count)', where: () => ({ phone: '13900000000' }), count: true },
  'crm_profiles.memberId': { by: 'crm/members search by card number (count)', where: (_) => ({ memberId: prefix(_, 'M0001') }), count: true },
  'crm_profiles.birthMonth_skLast': { by: 'crm/members birthdays this month', where: () => ({ birthMonth: 12 }), order: [desc('sk.last')] },
  'crm_profiles.netOrders_firstPaidAt': {
    by: 'crm/charts cohorts (count)',
    where: (_) => ({ netOrders: _.gte(1), 'stats.firstPaidAt': _.gte(NOW - 30 * 86_400_000).and(_.lt(NOW)) }),
    count: true,
  },
  'crm_segments.updatedAt': { by: 'crm/segments list', where: () => ({}), order: [desc('updatedAt')] },
  'crm_campaigns.kind_createdAt': { by: 'crm/campaigns list', where: () => ({ kind: 'journey' }), order: [desc('createdAt')] },
  'crm_campaigns.state_startAt': { by: 'crm/campaign-run due campaigns (timer)', where: (_) => ({ state: 'SCHEDULED', startAt: _.lte(NOW) }) },
  'crm_deliveries.openid_deliveredAt': { by: 'crm/member-profile timeline', where: () => ({ openid: 'u1' }), order: [desc('deliveredAt')] },
  'crm_results.campaignId_day': { by: 'crm/results-read', where: () => ({ campaignId: 'c1' }), order: [asc('day')] },
  'member_visits.openid_day': { by: 'crm/member-profile visits', where: () => ({ openid: 'u1' }), order: [desc('day')] },
  'crm_stage_history.day': { by: 'crm/charts stage history', where: () => ({}), order: [desc('day')] },
  // ---- issue 13: guides, commission, growth, community group-buy
  'guide_bindings.guideId_storeId_boundAt': { by: 'guide/customers', where: () => ({ guideId: 'g1', storeId: 'st1' }), order: [desc('boundAt')] },
  'guide_bindings.storeId_boundAt': { by: 'guide/leaderboard a store\'s bindings (count)', where: () => ({ storeId: 'st1' }), count: true },
  'commission_entries.kind_beneficiaryId_period_createdAt': {
    by: 'commission/read listCommissionEntries, community/statement',
    where: () => ({ kind: 'leader', beneficiaryId: 'ld1', period: '2026-12' }),
    order: [desc('createdAt')],
  },
  'commission_orders.kind_beneficiaryId_period_createdAt': {
    by: 'commission/read a beneficiary\'s orders of a month',
    where: () => ({ kind: 'guide', beneficiaryId: 'g1', period: '2026-12' }),
    order: [desc('createdAt')],
  },
  'commission_orders.kind_storeId_period': { by: 'guide/leaderboard a store\'s month', where: () => ({ kind: 'guide', storeId: 'st1', period: '2026-12' }), order: [asc('createdAt')] },
  'commission_periods.kind_period_accruedFen': { by: 'commission/read leaderboards', where: () => ({ kind: 'guide', period: '2026-12' }), order: [desc('accruedFen')] },
  'growth_invites.inviter_boundAt': { by: 'growth/invites the inviter\'s list', where: () => ({ inviter: 'u1' }), order: [desc('boundAt')] },
  'growth_invites.state_dueAt': { by: 'growth/sweep due rewards (timer)', where: (_) => ({ state: 'ordered', dueAt: _.lte(NOW) }), order: [asc('dueAt')] },
  'growth_share_stats.gmvFen': { by: 'growth/shares the operators\' list by GMV', where: () => ({}), order: [desc('gmvFen')] },
  'community_leaders.openid_unique': { by: 'community/leaders apply', unique: 'two leaders for one person' },
  'community_leaders.status_appliedAt': { by: 'community/leaders review list, community/points', where: () => ({ status: 'APPROVED' }), order: [desc('appliedAt')] },
  'community_leaders.appliedAt': { by: 'community/leaders review list, all', where: () => ({}), order: [desc('appliedAt')] },
  'community_activities.status_cutoffAt': { by: 'community/activities open list', where: (_) => ({ status: 'OPEN', cutoffAt: _.gt(NOW) }), order: [asc('cutoffAt')] },
  'community_activities.cutoffAt': { by: 'community/activities, community/sales operators\' list', where: () => ({}), order: [desc('cutoffAt')] },
};

/** More queries of the project that an index above serves (SQLite's choice, checked the same way). */
const ALSO: Array<[string, Use]> = [
  ['products.status_sort', { by: 'catalog/admin-queries, catalog/search-index: products on sale (count, from the index alone)', where: () => ({ status: 'ON_SALE' }), count: true }],
  ['orders.liveRoomId_createdAt', { by: 'live/sales: a room\'s sold orders', where: (_) => ({ liveRoomId: 'r1', status: _.in(['PAID', 'SHIPPED', 'COMPLETED']) }), order: [asc('createdAt')] }],
  [
    'points_ledger.openid_createdAt',
    { by: 'points/checkin calendar: the member\'s month (kind decided by mingo)', where: (_) => ({ openid: 'u1', kind: 'checkin', createdAt: _.gte(NOW - 86_400_000).and(_.lt(NOW)) }) },
  ],
  ['members.nickname', { by: 'staff/people searchUsers: members by nickname prefix (no order)', where: (_) => ({ nickname: prefix(_, '张三') }) }],
  ['members.phone', { by: 'staff/people searchUsers: members by phone prefix', where: (_) => ({ phone: prefix(_, '139') }) }],
  ['guide_bindings.guideId_storeId_boundAt', { by: 'guide/month a guide\'s customers (count)', where: (_) => ({ guideId: 'g1', storeId: _.in(['st1', 'st2']) }), count: true }],
  ['community_leaders.status_appliedAt', { by: 'community/points approved leaders, oldest first', where: () => ({ status: 'APPROVED' }), order: [asc('appliedAt')] }],
];

/**
 * Dropped by issue 15 because no query used them (each was written on every insert and update):
 * products.status (status_sort and status_categoryId_sort start with status), orders.liveRoomId_status
 * (SQLite takes liveRoomId_createdAt for live/sales), points_ledger.openid_kind_createdAt (SQLite takes
 * openid_createdAt for the check-in calendar), carts.openid (`_id` is the openid), idempotency.expiresAt,
 * payment_notifications.outTradeNo, mall_redemptions.openid_createdAt, outbox.status_nextAttemptAt,
 * groupbuy_seats.openid_createdAt, notify_consents.openid_at, crm_profiles.lifecycle_since (the re-score
 * walks `_id` and decides journeys in memory).
 */

let db: LocalDb;
beforeAll(() => {
  db = openLocalDb({ memory: true });
});
afterAll(() => db.close());

const declared = schema.flatMap((collection) => collection.indexes.map((index) => ({ key: `${collection.name}.${index.name}`, collection: collection.name, index })));

function planOf(collection: string, use: Use) {
  const where = use.where(db.command);
  return use.count ? explainCount(db, collection, where) : explainQueryPlan(db, collection, where, schema, use.order ?? []);
}

describe('every index in the schema is used by a query the project makes', () => {
  it('maps every declared index to a query (add an entry to USES when you add an index)', () => {
    const unmapped = declared.filter(({ key }) => !(key in USES)).map(({ key }) => key);
    expect(unmapped).toEqual([]);
  });

  it('names, for every query, the source files that make it (services/<ctx>/<file> or server/<path>)', () => {
    const named = [...Object.values(USES).flatMap((use) => ('unique' in use && use.lookup ? [use.by, use.lookup.by] : [use.by])), ...ALSO.map(([, use]) => use.by)];
    const missing: string[] = [];
    for (const by of named) {
      const files = [...by.matchAll(/\b([a-z][a-z-]*(?:\/[a-z][a-z-]*)+)\b/g)].map((match) => match[1]);
      if (files.length === 0) missing.push(`${by}: names no file`);
      for (const file of files) {
        if (![join('src/server/services', `${file}.ts`), join('src/server', `${file}.ts`)].some((path) => existsSync(path))) missing.push(`${by}: ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has no entry for an index the schema no longer declares', () => {
    const keys = new Set(declared.map(({ key }) => key));
    expect(Object.keys(USES).filter((key) => !keys.has(key))).toEqual([]);
  });

  it.each(declared.filter(({ key }) => key in USES && !('unique' in USES[key])).map(({ key, collection, index }) => [key, collection, index.name] as const))(
    '%s: SQLite uses it for the query that needs it',
    (key, collection, index) => {
      const use = USES[key] as Use;
      const plan = planOf(collection, use);
      expect({ key, by: use.by, index: plan.index, plan: plan.plan }).toEqual({ key, by: use.by, index, plan: plan.plan });
    },
  );

  it.each(ALSO.map(([key, use]) => [key, use.by, use] as const))('%s also serves %s', (key, _by, use) => {
    const [collection, index] = key.split('.');
    const plan = planOf(collection, use);
    expect({ key, index: plan.index, plan: plan.plan }).toEqual({ key, index, plan: plan.plan });
    if (use.count) expect((plan as { exact?: boolean }).exact).toBe(true);
  });

  it.each(declared.filter(({ key }) => key in USES && 'unique' in USES[key]).map(({ key, collection, index }) => [key, collection, index] as const))(
    '%s: unique, and a lookup by its key uses it',
    (key, collection, index) => {
      const use = USES[key] as UniqueUse;
      expect(index.unique).toBe(true);
      if (use.lookup) expect(planOf(collection, use.lookup).index).toBe(index.name);
    },
  );
});
