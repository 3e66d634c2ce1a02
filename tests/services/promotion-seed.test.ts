import { demoDocuments } from '../../src/server/local/seed';
import { openLocalDb, type LocalDb } from '../../src/server/local/db';
import { seedDemoData } from '../../src/server/local/seed';
import { schema } from '../../src/server/schema';
import { applyPointsInTx } from '../../src/server/services/points/ledger';
import { redeemMallItem } from '../../src/server/services/promotion/mall-redeem';
import { claimCoupon } from '../../src/server/services/promotion/claim';
import { quoteOrder } from '../../src/server/services/order/quote';
import type { ServiceDeps } from '../../src/server/services/order/deps';

// Each file seeds the demo shop with its year of history (about 10–30 s on 2 busy cores).
jest.setTimeout(120_000);

const NOW = Date.UTC(2025, 0, 6, 2, 0, 0);

describe('promotion seed', () => {
  const docs = demoDocuments(NOW);
  const ids = (collection: string) => new Set((docs[collection] ?? []).map((d) => d._id));

  it('has the join gift template and 3–4 templates of each kind', () => {
    const templates = docs.coupon_templates!;
    expect(templates.length).toBeGreaterThanOrEqual(3);
    expect(templates.length).toBeLessThanOrEqual(4);
    expect(templates.find((t) => t._id === 'tpl-join-10')).toMatchObject({
      rule: { kind: 'amount', amountOff: 1000, threshold: 9900 },
      validity: { type: 'relative', days: 30 },
    });
    expect(new Set(templates.map((t) => (t.rule as { kind: string }).kind))).toEqual(new Set(['amount', 'percent', 'freeItem']));
  });

  it('refers only to SKUs and templates that exist', () => {
    const skus = ids('skus');
    const templates = ids('coupon_templates');
    for (const t of docs.coupon_templates!) {
      const rule = t.rule as { kind: string; skuId?: string };
      if (rule.kind === 'freeItem') expect(skus.has(rule.skuId!)).toBe(true);
    }
    for (const item of docs.mall_items!) {
      if (item.skuId) expect(skus.has(item.skuId as string)).toBe(true);
      if (item.kind === 'coupon') expect(templates.has(item.templateId as string)).toBe(true);
    }
  });

  it('has a points-only good with stock 5 and limit 1, and a points + cash item', () => {
    expect(docs.mall_items!.some((i) => i.kind === 'goods' && i.cashPrice === 0 && i.stock === 5 && i.perMemberLimit === 1)).toBe(true);
    expect(docs.mall_items!.some((i) => (i.cashPrice as number) > 0 && (i.pointsPrice as number) > 0)).toBe(true);
  });

  describe('on a seeded database', () => {
    let db: LocalDb;
    let deps: ServiceDeps;
    beforeEach(async () => {
      db = openLocalDb({ memory: true }, schema);
      await seedDemoData(db, NOW);
      deps = { db, now: () => NOW, log: { info: () => undefined, warn: () => undefined, error: () => undefined } };
    });
    afterEach(() => db.close());

    it('every seeded mall item can be redeemed and every claimable template claimed', async () => {
      await db.runTransaction((tx) => applyPointsInTx(tx, { id: 'adjust:seed', openid: 'demo-customer', delta: 100_000, kind: 'adjust' }, NOW));
      for (const item of docs.mall_items!) {
        const fulfillment = item.kind === 'goods' ? { type: 'pickup' as const, storeId: 'store-demo' } : undefined;
        const result = await redeemMallItem(deps, 'demo-customer', { itemId: item._id, requestId: `seed-${item._id}`, fulfillment, remark: '' });
        expect(result.order.status).toBe((item.cashPrice as number) > 0 ? 'PENDING_PAYMENT' : item.kind === 'coupon' ? 'COMPLETED' : 'READY_FOR_PICKUP');
      }
      for (const t of docs.coupon_templates!.filter((t) => t.claimable)) {
        await expect(claimCoupon(deps, 'demo-customer', { templateId: t._id, requestId: `seed-${t._id}` })).resolves.toMatchObject({ status: 'AVAILABLE' });
      }
    });

    it('checkout picks the free croissant for a cart with one', async () => {
      await claimCoupon(deps, 'demo-customer', { templateId: 'tpl-free-croissant', requestId: 'seed-free' });
      await claimCoupon(deps, 'demo-customer', { templateId: 'tpl-claim-5', requestId: 'seed-five' });
      const quote = await quoteOrder(deps, 'demo-customer', {
        items: [
          { skuId: 'p-bakery-croissant-s1', quantity: 1 },
          { skuId: 'p-tea-oolong-s1', quantity: 1 },
        ],
        fulfillment: { type: 'pickup', storeId: 'store-demo' },
      });
      expect(quote.coupon).toMatchObject({ templateId: 'tpl-free-croissant', discount: 1200 });
      expect(quote.amounts).toMatchObject({ itemsTotal: 8000, couponDiscount: 1200, payable: 6800 });
    });
  });
});
