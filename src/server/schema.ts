/**
 * Every collection of the siyu database and its indexes.
 *
 * Every index must serve a query the project makes:
 * tests/services/db-index-usage.test.ts maps each one to that query and
 * checks SQLite's plan uses it, and fails for an index without an entry.
 *
 * The local engine (src/server/local/db) creates one SQLite table per
 * collection and these indexes on it. The same list is the checklist for the
 * CloudBase console: create each collection, and for each index below an
 * index with the same fields, directions and uniqueness (CloudBase does not
 * create collections or indexes from code).
 *
 * Index paths must be plain dot paths of identifiers (`a.b`). An indexed
 * field should hold scalars; the local engine notices array values on an
 * indexed path and then stops using the index for that path (results stay
 * correct, only slower), as MongoDB would make it multikey.
 */

export type IndexSpec = {
  name: string;
  fields: Array<{ path: string; order?: 'asc' | 'desc' }>;
  unique?: boolean;
  /**
   * Documents whose FIRST field is missing or null are left out of the index
   * (MongoDB's sparse index, on its leading key): inserting or updating such a
   * document writes nothing to it. Only a query with an equality, `$in` or a
   * range on that field can use it, which the index-usage test checks. For
   * fields most documents never get (a live room, a refund decision).
   */
  sparse?: boolean;
  /**
   * The one top-level field holds an array of strings (a member's tags): a query for one element
   * (`{tags: 'VIP'}`, `$in`) finds the documents holding it. The local engine keeps the elements in a key
   * table beside the collection, written by SQLite triggers in the same transaction as the document; on
   * CloudBase create an ordinary index on the field, which it makes multikey by itself.
   */
  multikey?: boolean;
};

export type CollectionSchema = { name: string; indexes: IndexSpec[] };

export const schema: CollectionSchema[] = [
  /** `_id` = openid; `{ roles, staffStoreIds, updatedAt }`. */
  { name: 'roles', indexes: [] },
  { name: 'stores', indexes: [] },
  { name: 'categories', indexes: [{ name: 'sort', fields: [{ path: 'sort' }] }] },
  {
    name: 'products',
    indexes: [
      { name: 'categoryId_sort', fields: [{ path: 'categoryId' }, { path: 'sort' }] },
      { name: 'status_categoryId_sort', fields: [{ path: 'status' }, { path: 'categoryId' }, { path: 'sort' }] },
      { name: 'status_sort', fields: [{ path: 'status' }, { path: 'sort' }] },
    ],
  },
  /** Product search (services/catalog/search): one document per (term, on-sale product), found by term in shelf order. */
  { name: 'product_search', indexes: [{ name: 'term_sort', fields: [{ path: 'term' }, { path: 'sort' }] }] },
  {
    name: 'skus',
    indexes: [
      { name: 'productId', fields: [{ path: 'productId' }] },
      /** The operators' low-stock list: `stock <= threshold`, lowest first. */
      { name: 'stock', fields: [{ path: 'stock' }] },
    ],
  },
  /** `_id` = `<kind>:<refId>:<skuId>` (hashed when long): every change of a SKU's stock; per SKU newest first. */
  {
    name: 'stock_ledger',
    indexes: [{ name: 'skuId_at', fields: [{ path: 'skuId' }, { path: 'at', order: 'desc' }] }],
  },
  {
    name: 'carts',
    // `_id` = openid. updatedAt: the journeys' idle-cart trigger (carts untouched for N hours).
    indexes: [{ name: 'updatedAt', fields: [{ path: 'updatedAt' }] }],
  },
  {
    name: 'orders',
    indexes: [
      { name: 'openid_createdAt', fields: [{ path: 'openid' }, { path: 'createdAt', order: 'desc' }] },
      { name: 'openid_status_createdAt', fields: [{ path: 'openid' }, { path: 'status' }, { path: 'createdAt', order: 'desc' }] },
      { name: 'status_expiresAt', fields: [{ path: 'status' }, { path: 'expiresAt' }] },
      { name: 'requestKey_unique', fields: [{ path: 'requestKey' }], unique: true },
      /** Refund review: the pending list and the auto-approve sweep (oldest request first). */
      { name: 'status_refundRequestedAt', fields: [{ path: 'status' }, { path: 'refundRequest.requestedAt' }] },
      /** Refund review: the decided list, newest decision first. */
      { name: 'refundState_decidedAt', fields: [{ path: 'refundRequest.state' }, { path: 'refundRequest.decidedAt', order: 'desc' }], sparse: true },
      // The dashboard's rebuild (services/stats/rebuild): orders paid since a day.
      { name: 'paidAt', fields: [{ path: 'paidAt' }], sparse: true },
      // The operators' order search (services/order/search): each filter, newest first; lookups by phone and 取货码.
      { name: 'createdAt', fields: [{ path: 'createdAt', order: 'desc' }] },
      { name: 'status_createdAt', fields: [{ path: 'status' }, { path: 'createdAt', order: 'desc' }] },
      { name: 'source_createdAt', fields: [{ path: 'source' }, { path: 'createdAt', order: 'desc' }] },
      { name: 'liveRoomId_createdAt', fields: [{ path: 'liveRoomId' }, { path: 'createdAt', order: 'desc' }], sparse: true },
      { name: 'storeId_createdAt', fields: [{ path: 'fulfillment.storeId' }, { path: 'createdAt', order: 'desc' }], sparse: true },
      { name: 'phone_createdAt', fields: [{ path: 'fulfillment.address.phone' }, { path: 'createdAt', order: 'desc' }], sparse: true },
      { name: 'pickupCode', fields: [{ path: 'fulfillment.pickupCode' }], sparse: true },
      // Community group-buy (services/community): a leader's hand-out list for a pickup day; an activity's sales.
      { name: 'communityLeader_pickupDate_createdAt', fields: [{ path: 'community.leaderId' }, { path: 'community.pickupDate' }, { path: 'createdAt' }], sparse: true },
      { name: 'communityActivity_createdAt', fields: [{ path: 'community.activityId' }, { path: 'createdAt' }], sparse: true },
      // Staff look an order up by the number the customer shows (services/staff).
      { name: 'orderNo', fields: [{ path: 'orderNo' }] },
    ],
  },
  /** `_id` = the 8-digit 取货码; `{ orderId, storeId, open }`: held while its pickup order is open (services/order/pickup-code). */
  { name: 'pickup_codes', indexes: [] },
  { name: 'idempotency', indexes: [] },
  { name: 'idempotency_keys', indexes: [] },
  { name: 'banners', indexes: [{ name: 'sort', fields: [{ path: 'sort' }] }] },
  /** The operators' user picker (staff.searchUsers) finds users by nickname prefix. */
  { name: 'users', indexes: [{ name: 'nickname', fields: [{ path: 'nickname' }] }] },
  { name: 'settings', indexes: [] },
  {
    name: 'refunds',
    indexes: [
      { name: 'status_leaseUntil', fields: [{ path: 'status' }, { path: 'leaseUntil' }] },
      // An order's refunds on the operator's order detail (services/order/ops-detail).
      { name: 'orderId', fields: [{ path: 'orderId' }] },
      // The dashboard's rebuild (services/stats/rebuild): refunds completed since a day, partial ones too.
      { name: 'status_doneAt', fields: [{ path: 'status' }, { path: 'doneAt' }] },
    ],
  },
  { name: 'payment_notifications', indexes: [] },
  /** `_id` = kind (malformed, oversize): how many events payCallback refused or could not read. */
  { name: 'payment_callback_stats', indexes: [] },
  /** Local cloud only: the sandbox payment provider's own books (`_id` = out_trade_no). */
  { name: 'sandbox_payments', indexes: [{ name: 'orderId', fields: [{ path: 'orderId' }] }] },
  { name: 'sandbox_refunds', indexes: [] },
  { name: 'system_heartbeats', indexes: [] },
  // ---- members and points (issue 4): add collections below this line
  /** `_id` = openid; `memberId` is the card number the member code carries. */
  {
    name: 'members',
    indexes: [
      { name: 'memberId_unique', fields: [{ path: 'memberId' }], unique: true },
      // The operators' pickers (member.searchMembers, staff.searchUsers): nickname or phone prefix.
      { name: 'nickname', fields: [{ path: 'nickname' }] },
      { name: 'phone', fields: [{ path: 'phone' }] },
      // The dashboard's rebuild (services/stats/rebuild): members who joined since a day.
      { name: 'joinedAt', fields: [{ path: 'joinedAt' }] },
    ],
  },
  /** `_id` = `<openid>:<paid|refund>:<orderId>`: growth each order gave and took back. */
  { name: 'member_growth', indexes: [] },
  /** `_id` = `<openid>:<source>` (`earn:<orderId>`, `checkin:<day>`…); `seq` orders one member's entries. */
  {
    name: 'points_ledger',
    indexes: [
      { name: 'openid_createdAt', fields: [{ path: 'openid' }, { path: 'createdAt', order: 'desc' }] },
      { name: 'openid_seq', fields: [{ path: 'openid' }, { path: 'seq', order: 'desc' }] },
    ],
  },
  /** `_id` = openid: balance, buckets by expiry, streak; written with every ledger entry. */
  { name: 'points_accounts', indexes: [{ name: 'nextExpiryAt', fields: [{ path: 'nextExpiryAt' }] }] },
  // ---- stored value (issue 14): services/wallet
  /** `_id` = openid: both bucket balances (= Σ of the member's entries) and the gift lots, written with every entry. */
  { name: 'wallet_accounts', indexes: [{ name: 'nextGiftExpiryAt', fields: [{ path: 'nextGiftExpiryAt' }] }] },
  /** `_id` = `<openid>:<cause>:<bucket>`: the append-only ledger; per member newest first by seq. */
  { name: 'wallet_entries', indexes: [{ name: 'openid_seq', fields: [{ path: 'openid' }, { path: 'seq', order: 'desc' }] }] },
  { name: 'wallet_plans', indexes: [{ name: 'sort', fields: [{ path: 'sort' }] }] },
  /** `_id` = the top-up order id: the member's paid top-ups (the principal refund's trades), per plan counts. */
  {
    name: 'wallet_topups',
    indexes: [
      { name: 'openid_status_paidAt', fields: [{ path: 'openid' }, { path: 'status' }, { path: 'paidAt', order: 'desc' }] },
      { name: 'planId_status', fields: [{ path: 'planId' }, { path: 'status' }] },
    ],
  },
  /** `_id` = `<openid>:<planId>`: top-ups made with a plan (the per-member limit). */
  { name: 'wallet_plan_uses', indexes: [] },
  /** `_id` = the order (or charge) id: what a wallet payment took from each bucket and what its refunds returned. */
  { name: 'wallet_spends', indexes: [] },
  /** Principal refund requests (本金退款). */
  {
    name: 'wallet_refunds',
    indexes: [
      { name: 'openid_requestedAt', fields: [{ path: 'openid' }, { path: 'requestedAt', order: 'desc' }] },
      { name: 'status_requestedAt', fields: [{ path: 'status' }, { path: 'requestedAt', order: 'desc' }] },
    ],
  },
  /** `_id` = out_refund_no: provider refunds of principal refunds, DUE until the tick makes them. */
  { name: 'wallet_payouts', indexes: [{ name: 'status_leaseUntil_createdAt', fields: [{ path: 'status' }, { path: 'leaseUntil' }, { path: 'createdAt' }] }] },
  /** `_id` = `ch_<store>_<receipt>`: in-store charges; a customer's awaiting ones; the unconfirmed ones' expiry. */
  {
    name: 'wallet_charges',
    indexes: [
      { name: 'openid_status_expiresAt', fields: [{ path: 'openid' }, { path: 'status' }, { path: 'expiresAt' }] },
      { name: 'status_expiresAt', fields: [{ path: 'status' }, { path: 'expiresAt' }] },
    ],
  },
  /** `_id` = `<YYYY-MM-DD>:<shard>`: the operators' daily rollup, sharded. */
  { name: 'wallet_days', indexes: [{ name: 'day', fields: [{ path: 'day' }] }] },
  // ---- promotions: coupons and the points mall (issue 4): add collections below this line
  {
    name: 'coupons',
    indexes: [
      { name: 'openid_status_validUntil', fields: [{ path: 'openid' }, { path: 'status' }, { path: 'validUntil' }] },
      { name: 'openid_issuedAt', fields: [{ path: 'openid' }, { path: 'issuedAt', order: 'desc' }] },
      { name: 'status_validUntil', fields: [{ path: 'status' }, { path: 'validUntil' }] },
      { name: 'code_unique', fields: [{ path: 'code' }], unique: true },
    ],
  },
  {
    name: 'coupon_templates',
    indexes: [
      { name: 'status_claimable_sort', fields: [{ path: 'status' }, { path: 'claimable' }, { path: 'sort' }] },
      /** The operator's template list, newest first (services/promotion/templates). */
      { name: 'createdAt', fields: [{ path: 'createdAt', order: 'desc' }] },
    ],
  },
  /** `_id` = the grant's requestId: its input fingerprint and, once done, its result (services/promotion/grant). */
  { name: 'coupon_grants', indexes: [] },
  /** `{templateId}:{openid}` → claims through the claim center. */
  { name: 'coupon_claims', indexes: [] },
  { name: 'mall_items', indexes: [{ name: 'status_sort', fields: [{ path: 'status' }, { path: 'sort' }] }] },
  /** `{orderId}`: what a points-mall redemption took (given back once on cancel/refund). */
  { name: 'mall_redemptions', indexes: [] },
  /** `{itemId}:{openid}` → redemptions counting toward the per-member limit. */
  { name: 'mall_redemptions_count', indexes: [] },
  /** Placeholder of issue 5 (tests/services/db-indexes expects it); group-buys live in groupbuy_* below. */
  { name: 'groupbuys', indexes: [] },
  { name: 'outbox', indexes: [] },
  // ---- flash sales (issue 5): add collections below this line
  /** `{saleId}`: the sale; `settledAt` null until its unsold units went back to the SKU. */
  {
    name: 'flash_sales',
    indexes: [
      { name: 'startAt', fields: [{ path: 'startAt', order: 'desc' }] },
      { name: 'stoppedAt_endAt', fields: [{ path: 'stoppedAt' }, { path: 'endAt' }] },
      { name: 'settledAt_endAt', fields: [{ path: 'settledAt' }, { path: 'endAt' }] },
    ],
  },
  /** `{saleId}:{k}`: one shard of a sale's units `{ remaining, sold, paid, returned }`. */
  { name: 'flash_sale_shards', indexes: [{ name: 'saleId', fields: [{ path: 'saleId' }] }] },
  /** `{saleId}:{openid}`: units the member holds in the sale (per-member limit), recent request ids; the operators' live view counts paid buyers (`paid > 0`). */
  { name: 'flash_sale_members', indexes: [{ name: 'saleId_paid', fields: [{ path: 'saleId' }, { path: 'paid' }] }] },
  /** `{saleId}:{openid}`: a reminder request; the notifications issue sends PENDING ones at `remindAt`. */
  {
    name: 'flash_sale_reminders',
    indexes: [
      { name: 'saleId_status', fields: [{ path: 'saleId' }, { path: 'status' }] },
      { name: 'status_remindAt', fields: [{ path: 'status' }, { path: 'remindAt' }] },
    ],
  },
  // ---- group-buys (issue 5): add collections below this line
  /** 拼团 activities; operators list them newest first, customers the unstopped ones by end. */
  {
    name: 'groupbuy_activities',
    indexes: [
      { name: 'createdAt', fields: [{ path: 'createdAt', order: 'desc' }] },
      { name: 'stoppedAt_endAt', fields: [{ path: 'stoppedAt' }, { path: 'endAt' }] },
    ],
  },
  /** Groups: open ones of an activity by deadline; the expiry timer's OPEN past their deadline; counts by state. */
  {
    name: 'groupbuy_groups',
    indexes: [
      { name: 'activityId_state_expiresAt', fields: [{ path: 'activityId' }, { path: 'state' }, { path: 'expiresAt' }] },
      { name: 'state_expiresAt', fields: [{ path: 'state' }, { path: 'expiresAt' }] },
    ],
  },
  /** `{orderId}`: one member's seat (RESERVED → PAID | RELEASED, PAID → REFUNDED). */
  {
    name: 'groupbuy_seats',
    indexes: [
      { name: 'activityId_state', fields: [{ path: 'activityId' }, { path: 'state' }] },
    ],
  },
  /** `{activityId}_{openid}`: seats a member holds in an activity (perMemberLimit). */
  { name: 'groupbuy_member_counts', indexes: [] },
  // ---- service notifications (issue 6)
  /** `{cause id}`: the worker takes PENDING entries by due time. */
  {
    name: 'notify_outbox',
    indexes: [
      { name: 'status_nextAttemptAt', fields: [{ path: 'status' }, { path: 'nextAttemptAt' }] },
      { name: 'openid_createdAt', fields: [{ path: 'openid' }, { path: 'createdAt', order: 'desc' }] },
    ],
  },
  /** `{openid}:{template}`: one-time subscriptions accepted and not yet used. */
  { name: 'notify_quota', indexes: [] },
  /** Every answer to a subscribe request (refusals too). */
  { name: 'notify_consents', indexes: [] },
  /** `{outboxId}`: the local 服务通知, newest first; unread counts. */
  {
    name: 'notify_inbox',
    indexes: [
      { name: 'openid_createdAt', fields: [{ path: 'openid' }, { path: 'createdAt', order: 'desc' }] },
      { name: 'openid_read', fields: [{ path: 'openid' }, { path: 'read' }] },
    ],
  },
  // ---- in-store staff and live rooms (issue 6)
  /** Staff verifications and role changes; the operators' log by store, newest first. */
  {
    name: 'staff_audit',
    indexes: [
      { name: 'at', fields: [{ path: 'at', order: 'desc' }] },
      { name: 'storeId_at', fields: [{ path: 'storeId' }, { path: 'at', order: 'desc' }] },
      // The log by who acted, and a staff member's own day (staff.myDay).
      { name: 'staffOpenid_at', fields: [{ path: 'staffOpenid' }, { path: 'at', order: 'desc' }] },
      // The role-change / verification / operator tabs: `action in [...]`, newest first.
      { name: 'action_at', fields: [{ path: 'action' }, { path: 'at', order: 'desc' }] },
    ],
  },
  /** `{storeId}:{receiptNo}`: an in-store receipt that earned points (once). */
  { name: 'instore_receipts', indexes: [] },
  /** `{memberId}:{window % 2}`: the numeric member code shown in a window; staff type `digits` (services/member/numeric-code). */
  { name: 'member_codes', indexes: [{ name: 'digits_unique', fields: [{ path: 'digits' }], unique: true }] },
  /** `cs_<hash of staff, store, member>`: a staff member's 10-minute counter session with a member (services/staff/counter-session). */
  { name: 'staff_counter_sessions', indexes: [] },
  /** `live_rooms/{roomId}`: synchronised from WeChat (or seeded); the sync reads local ones by origin. */
  { name: 'live_rooms', indexes: [{ name: 'startAt', fields: [{ path: 'startAt', order: 'desc' }] }, { name: 'origin', fields: [{ path: 'origin' }] }] },
  /** `{roomId}:{openid}`: "remind me" on a room; the notify worker sends PENDING ones at `remindAt`. */
  {
    name: 'live_reminders',
    indexes: [
      { name: 'roomId_status', fields: [{ path: 'roomId' }, { path: 'status' }] },
      { name: 'status_remindAt', fields: [{ path: 'status' }, { path: 'remindAt' }] },
    ],
  },
  /** `<day>:<shard>`: one of K shards of a day's dashboard rollup (services/stats); the overview reads a range of days. */
  { name: 'stats_daily', indexes: [{ name: 'day', fields: [{ path: 'day' }] }] },
  /** `_id` = openid: the Shanghai days the member paid on (last 62), for distinct paying customers. */
  { name: 'stats_payers', indexes: [] },
  // Issue 12 (checkout and orders):
  /** `_id` = `<yyyymmdd>:<shard>`: one of K shards of a day's order-number counter (services/order/order-no). */
  { name: 'order_no_counters', indexes: [] },
  /** `_id` = openid: the customer's saved delivery addresses and which is the default (services/order/addresses). */
  { name: 'address_books', indexes: [] },
  // ---- the private-domain CRM (issue 11): profiles, tags, segments, campaigns, journeys
  /**
   * `_id` = openid: the member's figures, scores and tags (services/crm). The member list filters on one
   * indexed field and sorts and pages on a sort key (`<padded value>:<openid>`, unique), so each list query is
   * one index range; the re-score and the deliveries walk `_id`. `tags` holds arrays: a multikey index.
   */
  {
    name: 'crm_profiles',
    indexes: [
      { name: 'tags', fields: [{ path: 'tags' }], multikey: true },
      { name: 'sk_last', fields: [{ path: 'sk.last', order: 'desc' }] },
      { name: 'sk_spend', fields: [{ path: 'sk.spend', order: 'desc' }] },
      { name: 'sk_orders', fields: [{ path: 'sk.orders', order: 'desc' }] },
      { name: 'sk_joined', fields: [{ path: 'sk.joined', order: 'desc' }] },
      { name: 'rfmClass_skLast', fields: [{ path: 'rfm.class' }, { path: 'sk.last', order: 'desc' }] },
      { name: 'lifecycle_skLast', fields: [{ path: 'lifecycle' }, { path: 'sk.last', order: 'desc' }] },
      { name: 'tierId_skLast', fields: [{ path: 'tierId' }, { path: 'sk.last', order: 'desc' }] },
      { name: 'channel_skLast', fields: [{ path: 'channel' }, { path: 'sk.last', order: 'desc' }] },
      { name: 'aovFen', fields: [{ path: 'aovFen' }] },
      { name: 'nickname', fields: [{ path: 'nickname' }] },
      { name: 'phone', fields: [{ path: 'phone' }] },
      { name: 'memberId', fields: [{ path: 'memberId' }] },
      // The member filter's birthdays this month; the charts' cohorts (first order in a month, ordered again).
      { name: 'birthMonth_skLast', fields: [{ path: 'birthMonth' }, { path: 'sk.last', order: 'desc' }] },
      { name: 'netOrders_firstPaidAt', fields: [{ path: 'netOrders' }, { path: 'stats.firstPaidAt' }] },
    ],
  },
  /** `tag_<hash of name>`: the tag registry (rule tags carry their rule; settings/crm_rule_tags mirrors the rules). */
  { name: 'crm_tags', indexes: [] },
  { name: 'crm_segments', indexes: [{ name: 'updatedAt', fields: [{ path: 'updatedAt', order: 'desc' }] }] },
  /** Campaigns and journeys; the timer takes the due ones by state and start. */
  {
    name: 'crm_campaigns',
    indexes: [
      { name: 'kind_createdAt', fields: [{ path: 'kind' }, { path: 'createdAt', order: 'desc' }] },
      { name: 'state_startAt', fields: [{ path: 'state' }, { path: 'startAt' }] },
    ],
  },
  /** `{campaignId}:{openid}[:{occurrence}]`: one member's arm and what they were given; the profile's timeline reads them by member. */
  { name: 'crm_deliveries', indexes: [{ name: 'openid_deliveredAt', fields: [{ path: 'openid' }, { path: 'deliveredAt', order: 'desc' }] }] },
  /** `{campaignId}:{arm}:{day}:{k}`: sharded daily results per arm. */
  { name: 'crm_results', indexes: [{ name: 'campaignId_day', fields: [{ path: 'campaignId' }, { path: 'day' }] }] },
  /** `{openid}:{day}`: one visit a member per day (member.visit). */
  { name: 'member_visits', indexes: [{ name: 'openid_day', fields: [{ path: 'openid' }, { path: 'day', order: 'desc' }] }] },
  /** `rescore`: the daily re-score's cursor. */
  { name: 'crm_jobs', indexes: [] },
  /** `{day}`: lifecycle stage counts after each day's re-score. */
  { name: 'crm_stage_history', indexes: [{ name: 'day', fields: [{ path: 'day' }] }] },
  // ---- shopping guides (issue 13, services/guide)
  /** `{code}`: a guide's code at one store (`{guideId, storeId}`). */
  { name: 'guide_codes', indexes: [] },
  /** `{customer openid}`: the customer's guide and store; a guide's customers newest first; a store's (leaderboard). */
  {
    name: 'guide_bindings',
    indexes: [
      { name: 'guideId_storeId_boundAt', fields: [{ path: 'guideId' }, { path: 'storeId' }, { path: 'boundAt', order: 'desc' }] },
      { name: 'storeId_boundAt', fields: [{ path: 'storeId' }, { path: 'boundAt', order: 'desc' }] },
    ],
  },
  // ---- commission of guides and community leaders (issue 13, services/commission)
  /** `<kind>:<beneficiaryId>:<orderId>:accrue` | `…:reverse:<refundKey>`: the append-only ledger; per beneficiary and month, newest first. */
  {
    name: 'commission_entries',
    indexes: [
      { name: 'kind_beneficiaryId_period_createdAt', fields: [{ path: 'kind' }, { path: 'beneficiaryId' }, { path: 'period' }, { path: 'createdAt', order: 'desc' }] },
    ],
  },
  /** `<kind>:<beneficiaryId>`: balance = Σ entries, with accrued and reversed. */
  { name: 'commission_accounts', indexes: [] },
  /** `<kind>:<beneficiaryId>:<orderId>`: one order's commission after its refunds; a beneficiary's orders of a month; a store's (guides' leaderboard). */
  {
    name: 'commission_orders',
    indexes: [
      { name: 'kind_beneficiaryId_period_createdAt', fields: [{ path: 'kind' }, { path: 'beneficiaryId' }, { path: 'period' }, { path: 'createdAt', order: 'desc' }] },
      { name: 'kind_storeId_period', fields: [{ path: 'kind' }, { path: 'storeId' }, { path: 'period' }] },
    ],
  },
  /** `<kind>:<beneficiaryId>:<YYYY-MM>`: a month's totals; all beneficiaries of a kind for a month (leaderboards, settlements). */
  { name: 'commission_periods', indexes: [{ name: 'kind_period_accruedFen', fields: [{ path: 'kind' }, { path: 'period' }, { path: 'accruedFen', order: 'desc' }] }] },
  /** `_id` = openid: the acquisition channel an invite or a guide bound, first touch wins (crm/bound-channel). */
  { name: 'crm_bound_channels', indexes: [] },
  // ---- growth (issue 13): invite codes, bindings (老带新), rewards' daily cap, share attribution
  /** `_id` = code: whose invite / share code it is. */
  { name: 'growth_codes', indexes: [] },
  /** `_id` = openid: the customer's code (and its mini-program code's fileID). */
  { name: 'growth_owners', indexes: [] },
  /** `_id` = invitee openid (one binding per customer): the inviter's list, newest first; the timer's due rewards. */
  {
    name: 'growth_invites',
    indexes: [
      { name: 'inviter_boundAt', fields: [{ path: 'inviter' }, { path: 'boundAt', order: 'desc' }] },
      { name: 'state_dueAt', fields: [{ path: 'state' }, { path: 'dueAt' }] },
    ],
  },
  /** `{inviter}:{day}`: inviter rewards given that day (the daily cap). */
  { name: 'growth_reward_days', indexes: [] },
  /** `so_<hash of sharer, opener, kind, target>`: the first open of a share by an opener. */
  { name: 'growth_share_opens', indexes: [] },
  /** `_id` = opener: their latest share opens (read by the payment hook). */
  { name: 'growth_share_touches', indexes: [] },
  /** `_id` = sharer: their shares' opens, orders and GMV; the operators' list by GMV. */
  { name: 'growth_share_stats', indexes: [{ name: 'gmvFen', fields: [{ path: 'gmvFen', order: 'desc' }] }] },
  /** `_id` = 12-character code of (sharer code, kind, id): what a poster's mini-program code (scene `t.<code>`) opens, and the code's fileID. */
  { name: 'growth_share_targets', indexes: [] },
  // ---- community group-buy (社区团购, issue 13, services/community)
  /** `ld_<hash of openid>`: one leader per person and their pickup point; the review list by status, the customers' picker (APPROVED). */
  {
    name: 'community_leaders',
    indexes: [
      { name: 'openid_unique', fields: [{ path: 'openid' }], unique: true },
      { name: 'status_appliedAt', fields: [{ path: 'status' }, { path: 'appliedAt', order: 'desc' }] },
      { name: 'appliedAt', fields: [{ path: 'appliedAt', order: 'desc' }] },
    ],
  },
  /** Activities: the customers' open list (status, cut-off ahead), the operators' list by cut-off. */
  {
    name: 'community_activities',
    indexes: [
      { name: 'status_cutoffAt', fields: [{ path: 'status' }, { path: 'cutoffAt' }] },
      { name: 'cutoffAt', fields: [{ path: 'cutoffAt', order: 'desc' }] },
    ],
  },
  /** `_id` = openid: the customer's last pickup point. */
  { name: 'community_prefs', indexes: [] },
  /** `<leaderId>:<YYYY-MM>`: the operator's confirmation of a leader's monthly statement (frozen totals). */
  { name: 'community_statements', indexes: [] },
];
