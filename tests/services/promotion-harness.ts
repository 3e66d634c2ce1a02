/**
 * Test bench for coupons and the points mall: the order bench (in-memory
 * local database, sandbox pay, manual clock) plus the `coupon` and `mall`
 * functions, points given through the ledger, and template / mall item
 * fixtures. Not a test file itself.
 */
import { randomUUID } from 'crypto';
import { join } from 'path';
import type { CouponTemplateDoc } from '../../src/core/coupon/types';
import type { Envelope } from '../../src/core/envelope';
import type { MallItemDoc } from '../../src/core/mall/types';
import type { FunctionContext } from '../../src/server/kit/types';
import { applyPointsInTx, pointsBalanceOf } from '../../src/server/services/points/ledger';
import { startBench, type Bench } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
const loadMain = (name: string): Main =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(__dirname, '../../cloudfunctions', name, 'index.ts')) as { main: Main }).main;
const promotionMains = { coupon: loadMain('coupon'), mall: loadMain('mall') } as const;
type PromotionFunction = keyof typeof promotionMains;

export const DAY = 24 * 60 * 60 * 1000;

export interface PromotionBench extends Bench {
  promo<T = unknown>(fn: PromotionFunction, openid: string, action: string, data?: unknown): Promise<Envelope<T>>;
  promoOk<T = any>(fn: PromotionFunction, openid: string, action: string, data?: unknown): Promise<T>;
  promoTimer<T = unknown>(fn: PromotionFunction, trigger: string): Promise<Envelope<T>>;
  givePoints(openid: string, points: number): Promise<void>;
  balance(openid: string): Promise<number>;
  doc<T = Record<string, any>>(collection: string, id: string): Promise<T | null>;
  putTemplate(id: string, over?: Partial<CouponTemplateDoc>): Promise<void>;
  putMallItem(id: string, over?: Partial<MallItemDoc>): Promise<void>;
  grantStaff(openid: string, storeIds: string[]): Promise<void>;
}

let grants = 0;

export function startPromotionBench(): PromotionBench {
  const bench = startBench();
  const context = (openid: string | null): FunctionContext => ({
    request_id: randomUUID(),
    environ: openid === null ? '' : `WX_OPENID=${openid};WX_APPID=wxtest`,
  });
  const promo = <T>(fn: PromotionFunction, openid: string, action: string, data: unknown = {}) =>
    promotionMains[fn]({ action, data }, context(openid)) as Promise<Envelope<T>>;

  return Object.assign(bench, {
    promo,
    async promoOk(fn: PromotionFunction, openid: string, action: string, data?: unknown) {
      const envelope = await promo<any>(fn, openid, action, data);
      if (!envelope.ok) throw new Error(`${fn}.${action} failed: ${JSON.stringify(envelope.error)}`);
      return envelope.data;
    },
    promoTimer: <T>(fn: PromotionFunction, trigger: string) =>
      promotionMains[fn]({ Type: 'Timer', TriggerName: trigger, Time: new Date(bench.clock()).toISOString() }, context(null)) as Promise<
        Envelope<T>
      >,
    async givePoints(openid: string, points: number) {
      grants += 1;
      await bench.db.runTransaction((tx) =>
        applyPointsInTx(tx, { id: `adjust:test-${grants}`, openid, delta: points, kind: 'adjust', note: 'test' }, bench.clock()),
      );
    },
    balance: (openid: string) => pointsBalanceOf(bench.db, openid),
    async doc<T>(collection: string, id: string) {
      const { data } = await bench.db.collection(collection).doc(id).get();
      return (data[0] ?? null) as T | null;
    },
    async putTemplate(id: string, over: Partial<CouponTemplateDoc> = {}) {
      const template: CouponTemplateDoc = {
        title: '满50减5',
        description: '',
        rule: { kind: 'amount', amountOff: 500, threshold: 5000 },
        validity: { type: 'relative', days: 7 },
        totalQuantity: null,
        claimed: 0,
        perMemberLimit: 1,
        claimable: true,
        inStoreOnly: false,
        status: 'ACTIVE',
        sort: 0,
        createdAt: bench.clock(),
        updatedAt: bench.clock(),
        ...over,
      };
      await bench.db.collection<CouponTemplateDoc>('coupon_templates').doc(id).set(template);
    },
    async putMallItem(id: string, over: Partial<MallItemDoc> = {}) {
      const item: MallItemDoc = {
        title: '马克杯',
        subtitle: '',
        description: '',
        image: null,
        kind: 'goods',
        skuId: null,
        templateId: null,
        pointsPrice: 100,
        cashPrice: 0,
        stock: 5,
        sold: 0,
        perMemberLimit: 1,
        status: 'ON_SALE',
        sort: 0,
        createdAt: bench.clock(),
        updatedAt: bench.clock(),
        ...over,
      };
      await bench.db.collection<MallItemDoc>('mall_items').doc(id).set(item);
    },
    async grantStaff(openid: string, storeIds: string[]) {
      await bench.db.collection('roles').doc(openid).set({ roles: ['staff'], staffStoreIds: storeIds, updatedAt: bench.clock() });
    },
  });
}

let requests = 0;
/** A fresh client requestId (8–64 of [A-Za-z0-9_-]). */
export const rid = (): string => `promo-${Date.now().toString(36)}-${(requests += 1)}`;
