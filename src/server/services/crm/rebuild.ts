import type { RebuildReport } from '../../../core/contracts/crm';
import type { MemberProfileDoc } from '../../../core/crm/profile';
import { EMPTY_STATS, withPaidOrder, withRefund, type MemberStats } from '../../../core/crm/stats';
import { refundEndsOrder, type RefundDoc } from '../../../core/order/refund';
import type { Order } from '../../../core/order/types';
import type { Db } from '../../db';
import { readPages } from '../../kit/read-pages';
import { MemberCollections, type MemberDoc } from '../member/records';
import type { ServiceDeps } from '../order/deps';
import { OrderCollections } from '../order/records';
import { deriveContext } from './context';
import type { DeriveContext } from './derive';
import { deriveProfile, memberFactsOfDoc } from './derive';
import { dbReader } from './doc-reader';
import { countsAsPurchase, paidFactsOf, refundFactsOf } from './order-facts';
import { CrmCollections } from './records';

const PAGE = 100;
/** Members per rebuild step: each reads its orders and refunds. */
const REBUILD_CHUNK = 50;

function ordersOf(db: Db, openid: string): Promise<Order[]> {
  const query = db.collection<Order>(OrderCollections.orders).where({ openid });
  return readPages(async (skip, limit) => (await query.orderBy('createdAt', 'asc').skip(skip).limit(limit).get()).data, PAGE);
}

async function doneRefundsOf(db: Db, orderIds: string[]): Promise<Array<RefundDoc & { _id: string }>> {
  const _ = db.command;
  const refunds: Array<RefundDoc & { _id: string }> = [];
  for (let i = 0; i < orderIds.length; i += PAGE) {
    const { data } = await db
      .collection<RefundDoc>(OrderCollections.refunds)
      .where({ orderId: _.in(orderIds.slice(i, i + PAGE)), status: 'DONE' })
      .limit(1000)
      .get();
    refunds.push(...data);
  }
  return refunds;
}

/**
 * A member's stats recomputed from their orders and completed refunds, with
 * the same functions the hooks apply one event at a time: paid orders
 * (points-mall redemptions excepted), then every partial refund and the
 * refund that ended an order.
 */
export async function statsFromOrders(db: Db, openid: string): Promise<MemberStats> {
  const read = dbReader(db);
  const orders = (await ordersOf(db, openid)).filter(countsAsPurchase);
  let stats = EMPTY_STATS;
  const firstId = [...orders].sort((a, b) => (a.paidAt ?? 0) - (b.paidAt ?? 0) || (a._id < b._id ? -1 : 1))[0]?._id;
  for (const order of orders) stats = withPaidOrder(stats, await paidFactsOf(read, order, order._id === firstId));
  const byId = new Map(orders.map((o) => [o._id, o]));
  for (const refund of await doneRefundsOf(db, [...byId.keys()])) {
    const order = byId.get(refund.orderId);
    if (!order) continue;
    const endsOrder = !refund.partial;
    if (endsOrder && !(refundEndsOrder(refund.reason) && order.status === 'REFUNDED')) continue;
    stats = withRefund(stats, await refundFactsOf(read, order, refund.amount, endsOrder));
  }
  return stats;
}

/** The profile a rebuild writes: stats from the orders, kept tags, bindings, visits and open deliveries. */
export async function rebuiltProfile(db: Db, member: MemberDoc, existing: MemberProfileDoc | null, ctx: DeriveContext): Promise<MemberProfileDoc> {
  return deriveProfile(
    {
      member: memberFactsOfDoc(member),
      stats: await statsFromOrders(db, member.openid),
      manualTags: existing?.manualTags ?? [],
      boundChannel: existing?.boundChannel ?? null,
      lastVisitAt: existing?.lastVisitAt ?? null,
      open: existing?.open ?? [],
      messagedAt: existing?.messagedAt ?? [],
      fired: existing?.fired ?? {},
      previous: existing,
    },
    ctx,
  );
}

async function rebuildOne(deps: ServiceDeps, member: MemberDoc, ctx: DeriveContext): Promise<void> {
  const profiles = deps.db.collection<MemberProfileDoc>(CrmCollections.profiles);
  const existing = (await profiles.doc(member.openid).get()).data[0] ?? null;
  await profiles.doc(member.openid).set(await rebuiltProfile(deps.db, member, existing, ctx));
}

/** Right after joining: a customer who paid before joining gets those orders into their new profile. */
export async function catchUpProfileAfterJoin(deps: ServiceDeps, openid: string): Promise<void> {
  const { data } = await deps.db.collection<Order>(OrderCollections.orders).where({ openid, paidAt: deps.db.command.neq(null) }).limit(1).get();
  const member = (await deps.db.collection<MemberDoc>(MemberCollections.members).doc(openid).get()).data[0];
  if (data.length === 0 || !member) return;
  await rebuildOne(deps, member, await deriveContext(deps.db, deps.now()));
}

/**
 * `crm.rebuild` and `npm run crm:rebuild`: every member's profile recomputed
 * from the orders, a chunk of members at a time by openid, resuming from
 * `cursor` until `budgetMs` is spent. A repair for after an outage or a change
 * of definitions: a payment landing while its member is rebuilt may be
 * missed until that member's next event or rebuild.
 */
export async function rebuildProfiles(deps: ServiceDeps, options: { cursor?: string | null; budgetMs?: number } = {}): Promise<RebuildReport> {
  const _ = deps.db.command;
  const started = Date.now();
  const budget = options.budgetMs ?? 40_000;
  let cursor = options.cursor ?? '';
  let rebuilt = 0;
  const ctx = await deriveContext(deps.db, deps.now());
  for (;;) {
    const { data } = await deps.db
      .collection<MemberDoc>(MemberCollections.members)
      .where(cursor ? { _id: _.gt(cursor) } : {})
      .orderBy('_id', 'asc')
      .limit(REBUILD_CHUNK)
      .get();
    for (const member of data) await rebuildOne(deps, { ...member, openid: member.openid ?? member._id }, ctx);
    rebuilt += data.length;
    if (data.length < REBUILD_CHUNK) return { rebuilt, done: true, cursor: null };
    cursor = data[data.length - 1]._id;
    if (Date.now() - started > budget) return { rebuilt, done: false, cursor };
  }
}
