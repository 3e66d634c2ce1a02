/**
 * A large shop for the CRM's bench and `npm run seed -- --members N`:
 * members in the demo history's personas (src/server/local/seed/history-plan.ts:
 * loyal, frequent, big spenders, growing, dormant, lost, new, idle) with a
 * year of PAID / COMPLETED / REFUNDED orders of the demo catalog, bulk
 * inserted straight into the local engine (SEED_CHUNK documents a
 * transaction) with each member's `crm_profiles` document, derived as the
 * CRM derives it (services/crm/derive.ts) from stats folded with the core's
 * own functions. The CRM's rebuild (services/crm/rebuild.ts) would take
 * minutes at 100,000 members (a few queries each); instead a sample is
 * rebuilt and must come out equal. Deterministic for a seed; nothing else
 * (points, rollups, stock) is written.
 */
import { chinaDay } from '../../src/core/points/china-day';
import type { Order, OrderHistoryEntry } from '../../src/core/order/types';
import type { RefundDoc } from '../../src/core/order/refund';
import { seededRandom } from '../../src/core/seeded-random';
import type { Db, DocumentData, ManualTransaction } from '../../src/server/db';
import { DEMO_PRODUCTS } from '../../src/server/local/seed/catalog';
import { chinaHourMs, HISTORY_SKUS, PERSONAS } from '../../src/server/local/seed/history-plan';
import { DEMO_STORES } from '../../src/server/local/seed/stores';
import type { MemberProfileDoc } from '../../src/core/crm/profile';
import { EMPTY_STATS, withPaidOrder, withRefund, type MemberStats } from '../../src/core/crm/stats';
import { deriveContext } from '../../src/server/services/crm/context';
import { deriveProfile, memberFactsOfDoc } from '../../src/server/services/crm/derive';
import { rebuiltProfile } from '../../src/server/services/crm/rebuild';
import type { MemberDoc } from '../../src/server/services/member/records';
import { openLocalDb } from '../../src/server/local/db';
import { schema } from '../../src/server/schema';
import { memberPhone } from './ops-seed';
import Database from 'better-sqlite3';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const SEED_CHUNK = 5000;

export const largeMemberId = (n: number): string => `crm-member-${n}`;

export interface LargeShopOptions {
  members: number;
  now: number;
  seed?: number;
  log?: (line: string) => void;
}

export interface LargeShopReport {
  members: number;
  orders: number;
  refunds: number;
  insertMs: number;
}

const SKUS = HISTORY_SKUS.map((sku) => {
  const product = DEMO_PRODUCTS.find((p) => sku.skuId.startsWith(`${p.id}-s`))!;
  return { ...sku, productId: product.id, productName: product.name, skuName: product.skus[Number(sku.skuId.slice(product.id.length + 2)) - 1]!.name };
});
const CATEGORY_OF = new Map(DEMO_PRODUCTS.map((p) => [p.id, p.categoryId]));
const SMALL = SKUS.filter((s) => s.price <= 4000);
const BIG = SKUS.filter((s) => s.price >= 5900);
const PERSONA_WEIGHT = PERSONAS.reduce((sum, p) => sum + p.members, 0);

/** Bulk-written collections: their indexes are dropped while they fill and built once after (bulkSeedFile). */
const BULK_COLLECTIONS = ['members', 'orders', 'refunds', 'crm_profiles'];

/**
 * The large shop into a local data file that already holds the demo shop's
 * catalog and settings: the bulk collections' indexes are dropped, the
 * documents inserted, then the file is opened with the full schema, which
 * builds the missing indexes in one pass each (inserting into 17 order
 * indexes row by row slows down as they outgrow SQLite's cache), and a
 * sample of profiles is checked against the CRM's rebuild.
 */
export async function bulkSeedFile(file: string, options: LargeShopOptions & { check?: number }): Promise<LargeShopReport & { indexMs: number; checkMs: number }> {
  const log = options.log ?? (() => undefined);
  const sql = new Database(file);
  try {
    const indexes = (sql.prepare("SELECT name, tbl_name AS collection FROM sqlite_master WHERE type = 'index'").all() as Array<{ name: string; collection: string }>).filter(
      (index) => BULK_COLLECTIONS.includes(index.collection) && index.name.startsWith(`${index.collection}__`),
    );
    for (const { name } of indexes) sql.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  } finally {
    sql.close();
  }
  const bare = schema.map((c) => (BULK_COLLECTIONS.includes(c.name) ? { ...c, indexes: [] } : c));
  let db = openLocalDb({ file }, bare);
  let report: LargeShopReport;
  try {
    report = await seedLargeShop(db, options);
  } finally {
    db.close();
  }
  const indexStarted = Date.now();
  db = openLocalDb({ file }, schema);
  try {
    const indexMs = Date.now() - indexStarted;
    log(`  built the indexes in ${indexMs} ms`);
    const checkStarted = Date.now();
    const checked = await checkProfiles(db, options.members, options.now, options.check ?? 200);
    const checkMs = Date.now() - checkStarted;
    log(`  ${checked} profiles equal the CRM rebuild's (${checkMs} ms)`);
    return { ...report, indexMs, checkMs };
  } finally {
    db.close();
  }
}

/** The seeded profiles must be what the CRM's own rebuild makes of those orders: a sample, compared field by field. */
export async function checkProfiles(db: Db, members: number, now: number, sample: number): Promise<number> {
  const ctx = await deriveContext(db, now);
  const count = Math.min(members, sample);
  for (let k = 0; k < count; k += 1) {
    const openid = largeMemberId(1 + Math.floor((k * members) / count));
    const member = (await db.collection<MemberDoc>('members').doc(openid).get()).data[0]!;
    const stored = (await db.collection<MemberProfileDoc>('crm_profiles').doc(openid).get()).data[0]!;
    const rebuilt = await rebuiltProfile(db, member, stored, ctx);
    const { _id, ...kept } = stored as MemberProfileDoc & { _id: string };
    if (canonical(kept) !== canonical(rebuilt)) {
      throw new Error(`seed: the profile of ${openid} differs from the CRM rebuild's\nseeded  ${JSON.stringify(kept)}\nrebuilt ${JSON.stringify(rebuilt)}`);
    }
  }
  return count;
}

/** JSON with object keys sorted (a map's key order is not part of its value). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/** Members, orders, refunds and their profiles written in bulk (SEED_CHUNK documents a transaction). */
export async function seedLargeShop(db: Db, options: LargeShopOptions): Promise<LargeShopReport> {
  const log = options.log ?? (() => undefined);
  const random = seededRandom(options.seed ?? 20261111);
  const { now } = options;
  const today = Math.floor((now + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
  const thisMonth = chinaDay(now).slice(5, 7);
  const started = Date.now();
  const writer = new BulkWriter(db);
  const ctx = await deriveContext(db, now);
  let orders = 0;
  let refunds = 0;

  for (let n = 1; n <= options.members; n += 1) {
    const persona = personaOf(random());
    const openid = largeMemberId(n);
    const joinedAt = Math.min(now - 30 * MINUTE, today - Math.floor(between(persona.joined[0], persona.joined[1])) * DAY + chinaHourMs(random));
    const count = intBetween(persona.orders[0], persona.orders[1]);
    const days: number[] = [];
    if (count > 0) {
      const joinedDay = Math.floor((now - joinedAt) / DAY);
      const lastAgo = Math.min(joinedDay, intBetween(persona.last[0], persona.last[1]));
      const firstAgo = count === 1 ? lastAgo : Math.max(lastAgo + count, joinedDay - intBetween(0, 20));
      days.push(...(count === 1 ? [lastAgo] : [firstAgo, lastAgo]));
      for (let i = 2; i < count; i += 1) days.push(Math.floor(between(lastAgo, firstAgo)));
    }
    let growth = 0;
    let stats: MemberStats = EMPTY_STATS;
    for (const [i, ago] of days.sort((a, b) => b - a).entries()) {
      let at = Math.max(joinedAt + 10 * MINUTE, today - ago * DAY + chinaHourMs(random));
      if (at >= now - 15 * MINUTE) at = now - 15 * MINUTE - Math.floor(random() * 12 * HOUR);
      if (at <= joinedAt) continue;
      const basket = typeof persona.basket === 'function' ? persona.basket(random) : persona.basket;
      const { order, refund } = orderOf(`${n.toString(36).padStart(4, '0')}${i + 1}`, openid, n, at, basket);
      await writer.set('orders', order._id, order as unknown as DocumentData);
      orders += 1;
      const categoryIds = [...new Set(order.items.map((item) => CATEGORY_OF.get(item.productId)!))].sort();
      stats = withPaidOrder(stats, { orderId: order._id, paidAt: order.paidAt!, fen: order.amounts.payable, categoryIds, channel: 'direct' });
      if (refund) {
        await writer.set('refunds', refund._id, refund as unknown as DocumentData);
        refunds += 1;
        stats = withRefund(stats, { fen: refund.amount, endsOrder: true, categoryIds });
      } else {
        growth += Math.floor(order.amounts.payable / 100);
      }
    }
    const roll = random();
    const birthday = roll < 0.5 ? `${1970 + Math.floor(random() * 35)}-${roll < 0.1 ? thisMonth : String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` : null;
    const member: MemberDoc = {
      openid,
      memberId: `C${String(n).padStart(9, '0')}`,
      nickname: `会员${n}`,
      phone: memberPhone(n),
      birthday,
      growth,
      birthdayGiftYears: [],
      joinedAt,
      updatedAt: joinedAt,
    };
    await writer.set('members', openid, member as unknown as DocumentData);
    // The profile the CRM's rebuild computes from these orders (checked on a sample below), written with them.
    const manualTags = n % 31 === 0 ? ['VIP'] : n % 97 === 0 ? ['企业客户'] : [];
    const profile = deriveProfile({ member: memberFactsOfDoc(member), stats, manualTags, boundChannel: null, lastVisitAt: null, open: [], messagedAt: [], fired: {}, previous: null }, ctx);
    await writer.set('crm_profiles', openid, profile as unknown as DocumentData);
    if (n % 20_000 === 0) log(`  ${n.toLocaleString('en')} members, ${orders.toLocaleString('en')} orders (${Date.now() - started} ms)`);
  }
  await writer.flush();
  const insertMs = Date.now() - started;
  log(`  inserted ${options.members.toLocaleString('en')} members, ${orders.toLocaleString('en')} orders, ${refunds.toLocaleString('en')} refunds in ${insertMs} ms`);

  return { members: options.members, orders, refunds, insertMs };

  function between(lo: number, hi: number): number {
    return lo + random() * (hi - lo);
  }
  function intBetween(lo: number, hi: number): number {
    return lo + Math.floor(random() * (hi - lo + 1));
  }
  function personaOf(roll: number): (typeof PERSONAS)[number] {
    let left = roll * PERSONA_WEIGHT;
    for (const persona of PERSONAS) {
      left -= persona.members;
      if (left < 0) return persona;
    }
    return PERSONAS[PERSONAS.length - 1]!;
  }

  /** A paid order, delivered or picked up (COMPLETED), still PAID when recent, or REFUNDED in full (about 4 %). */
  function orderOf(key: string, openid: string, n: number, createdAt: number, basket: 'small' | 'regular' | 'big'): { order: Order; refund: (RefundDoc & { _id: string }) | null } {
    const pool = basket === 'small' ? SMALL : basket === 'big' ? BIG : SKUS;
    const lines = basket === 'small' ? 1 : basket === 'big' ? intBetween(2, 4) : random() < 0.7 ? 1 : random() < 0.7 ? 2 : 3;
    const bySku = new Map<string, { sku: (typeof SKUS)[number]; quantity: number }>();
    for (let i = 0; i < lines; i += 1) {
      const sku = pool[Math.floor(random() * pool.length)]!;
      const quantity = basket === 'big' ? intBetween(2, 4) : random() < 0.85 ? 1 : 2;
      bySku.set(sku.skuId, { sku, quantity: (bySku.get(sku.skuId)?.quantity ?? 0) + quantity });
    }
    const items = [...bySku.values()].map(({ sku, quantity }) => ({
      skuId: sku.skuId,
      productId: sku.productId,
      productName: sku.productName,
      skuName: sku.skuName,
      image: null,
      unitPrice: sku.price,
      quantity,
      lineTotal: sku.price * quantity,
    }));
    const itemsTotal = items.reduce((sum, item) => sum + item.lineTotal, 0);
    const pickup = random() < 0.45;
    const store = DEMO_STORES[Math.floor(random() * DEMO_STORES.length)]!;
    const shippingFee = pickup || itemsTotal >= 9900 ? 0 : 800;
    const payable = itemsTotal + shippingFee;
    const paidAt = createdAt + MINUTE + Math.floor(random() * 3 * MINUTE);
    const refunded = random() < 0.04 && now - paidAt > 2 * DAY;
    const handedAt = paidAt + (pickup ? HOUR + Math.floor(random() * 36 * HOUR) : 20 * HOUR + Math.floor(random() * 6 * HOUR));
    const completedAt = !refunded && handedAt + (pickup ? 0 : 3 * DAY) < now ? handedAt + (pickup ? 0 : 3 * DAY) : null;
    const refundedAt = refunded ? paidAt + 6 * HOUR : null;
    const id = `o_${createdAt.toString(36)}${key}`;
    const history: OrderHistoryEntry[] = [
      { event: 'create', from: null, to: 'PENDING_PAYMENT', at: createdAt, by: 'customer' },
      { event: 'pay', from: 'PENDING_PAYMENT', to: 'PAID', at: paidAt, by: 'payment' },
    ];
    if (refundedAt !== null) {
      history.push({ event: 'requestRefund', from: 'PAID', to: 'REFUND_REQUESTED', at: paidAt + 2 * HOUR, by: 'customer' });
      history.push({ event: 'approveRefund', from: 'REFUND_REQUESTED', to: 'REFUNDING', at: paidAt + 5 * HOUR, by: 'operator' });
      history.push({ event: 'refund', from: 'REFUNDING', to: 'REFUNDED', at: refundedAt, by: 'system' });
    } else if (completedAt !== null) {
      if (!pickup) history.push({ event: 'ship', from: 'PAID', to: 'SHIPPED', at: handedAt, by: 'operator' });
      history.push({ event: pickup ? 'pickUp' : 'confirm', from: pickup ? 'READY_FOR_PICKUP' : 'SHIPPED', to: 'COMPLETED', at: completedAt, by: pickup ? 'system' : 'customer' });
    }
    const order = {
      _id: id,
      openid,
      status: refundedAt !== null ? 'REFUNDED' : completedAt !== null ? 'COMPLETED' : 'PAID',
      items,
      fulfillment: pickup
        ? { type: 'pickup', storeId: store._id, storeName: store.name }
        : { type: 'delivery', address: { name: `会员${n}`, phone: memberPhone(n), region: '上海市 浦东新区', detail: `世纪大道 ${n % 300} 号` } },
      amounts: { itemsTotal, discount: 0, shippingFee, payable },
      memberDiscountBps: 0,
      requestId: `large-${key}`,
      requestKey: `large:${key}`,
      remark: '',
      createdAt,
      updatedAt: history[history.length - 1]!.at,
      expiresAt: createdAt + 15 * MINUTE,
      stockReleased: refundedAt !== null,
      paidAt,
      payment: { transactionId: `wx${id}`, outTradeNo: id, amount: payable, at: paidAt, timeEnd: null },
      latePayment: null,
      shippedAt: !pickup && completedAt !== null ? handedAt : null,
      trackingNo: !pickup && completedAt !== null ? `SF${id.slice(-10)}` : null,
      completedAt,
      cancelledAt: null,
      cancelReason: null,
      refundNo: refundedAt === null ? null : `R${id}`,
      refundRequestedAt: refundedAt === null ? null : paidAt + 2 * HOUR,
      refundedAt,
      ...(refundedAt === null ? {} : { refundedFen: payable }),
      history,
      source: 'shop',
      coupon: null,
    } as unknown as Order;
    const refund: (RefundDoc & { _id: string }) | null =
      refundedAt === null
        ? null
        : {
            _id: `R${id}`,
            orderId: id,
            openid,
            amount: payable,
            total: payable,
            reason: 'CUSTOMER_REQUEST',
            status: 'DONE',
            releaseStock: true,
            attempts: 1,
            leaseUntil: 0,
            lastError: null,
            providerRefundId: `sandbox-R${id}`,
            createdAt: paidAt + 5 * HOUR,
            updatedAt: refundedAt,
            doneAt: refundedAt,
          };
    return { order, refund };
  }
}

/** `doc(id).set()` in transactions of SEED_CHUNK documents (the local engine's bulk path, as scripts/bench/ops.ts seeds). */
class BulkWriter {
  private tx: ManualTransaction | null = null;
  private pending = 0;

  constructor(private readonly db: Db) {}

  async set(collection: string, id: string, doc: DocumentData): Promise<void> {
    this.tx ??= await this.db.startTransaction();
    const { _id, ...data } = doc as DocumentData & { _id?: string };
    await this.tx.collection(collection).doc(id).set(data);
    this.pending += 1;
    if (this.pending >= SEED_CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.tx) return;
    await this.tx.commit();
    this.tx = null;
    this.pending = 0;
  }
}
