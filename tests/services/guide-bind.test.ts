/**
 * Binding customers to shopping guides (导购): first guide wins, the same code
 * again answers the same binding, concurrent opens of two guides' codes end
 * with one binding, re-binding only after the idle days, and a guide who
 * leaves hands their customers to the store.
 */
import { loadCaller } from '../../src/server/kit/caller';
import type { ActionContext } from '../../src/server/kit/types';
import { myGuideCode } from '../../src/server/services/guide/codes';
import { codeOf, functionCallers } from './function-callers';
import { newRequestId, PICKUP, startShopBench, type Bench } from './order-harness';

const { call, ok } = functionCallers('guide');
const DAY = 24 * 3600 * 1000;

describe('guide binding', () => {
  let bench: Bench;
  const staff = async (openid: string, nickname: string, stores = ['store-demo']) => {
    await bench.db.collection('roles').doc(openid).set({ roles: ['staff'], staffStoreIds: stores, updatedAt: 0 });
    await bench.db.collection('users').doc(openid).set({ nickname });
  };
  const codeOfGuide = async (openid: string) => (await ok('guide', openid, 'myCode', {})).code as string;
  const binding = async (openid: string) => (await bench.db.collection('guide_bindings').doc(openid).get()).data[0] as any;

  beforeEach(async () => {
    bench = await startShopBench();
    await staff('g1', '王小美');
    await staff('g2', '李导购');
  });
  afterEach(() => bench.close());

  it('a guide has one code a store, the same however often and concurrently asked', async () => {
    const codes = await Promise.all([codeOfGuide('g1'), codeOfGuide('g1'), codeOfGuide('g1')]);
    expect(new Set(codes).size).toBe(1);
    expect(codes[0]).toMatch(/^G[0-9A-HJKMNP-TV-Z]{8}$/);
    const view = await ok('guide', 'g1', 'myCode', {});
    expect(view).toMatchObject({ path: `/pages/home/index?guide=${codes[0]}`, storeId: 'store-demo', storeName: '示例门店' });
    expect(await codeOfGuide('g2')).not.toBe(codes[0]);
    expect(await bench.count('guide_codes')).toBe(2);
    // a customer has no guide code
    expect(codeOf(await call('guide', 'c1', 'myCode', {}))).toBe('FORBIDDEN');
    expect(codeOf(await call('guide', 'g1', 'myCode', { storeId: 'store-other' }))).toBe('GUIDE_NOT_STAFF');
  });

  it('on weapp the counter code is a mini-program code (scene = the guide code, the home page), made once', async () => {
    const asked: Array<[string, string]> = [];
    const wxa = { unlimited: async (scene: string, page: string) => (asked.push([scene, page]), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0])) };
    const ctx = { db: bench.db, runtime: bench.runtime, now: bench.clock, requestId: 'r', log: console, caller: await loadCaller(bench.db, 'g1') } as unknown as ActionContext;
    const first = await myGuideCode(ctx, ctx.caller, undefined, wxa);
    const again = await myGuideCode(ctx, ctx.caller, undefined, wxa);
    expect(first.wxacodeUrl).toEqual(expect.any(String));
    expect(again.wxacodeUrl).toBe(first.wxacodeUrl);
    expect(asked).toEqual([[first.code, 'pages/home/index']]);
    expect((await ok('guide', 'g1', 'myCode', {})).wxacodeUrl).toBeNull();
  });

  it('binds once: the same code again answers the same binding; refusals have clear codes', async () => {
    const code = await codeOfGuide('g1');
    const first = await ok('guide', 'c1', 'bind', { code: code.toLowerCase() });
    expect(first).toEqual({ bound: true, guide: '王**', storeName: '示例门店', boundNow: true });
    expect(await ok('guide', 'c1', 'bind', { code })).toMatchObject({ boundNow: false, guide: '王**' });
    expect(await binding('c1')).toMatchObject({ guideId: 'g1', storeId: 'store-demo', code, rebinds: 0 });
    expect((await bench.db.collection('crm_bound_channels').doc('c1').get()).data[0]).toMatchObject({ channel: 'guide' });
    expect(await ok('guide', 'c1', 'myBinding', {})).toMatchObject({ binding: { guide: '王**', storeName: '示例门店', heldByStore: false } });
    expect(JSON.stringify(await ok('guide', 'c1', 'myBinding', {}))).not.toContain('g1');

    expect(codeOf(await call('guide', 'g1', 'bind', { code }))).toBe('GUIDE_SELF');
    expect(codeOf(await call('guide', 'c2', 'bind', { code: 'not-a-code' }))).toBe('GUIDE_NOT_FOUND');
    expect(codeOf(await call('guide', 'c2', 'bind', { code: 'G00000000' }))).toBe('GUIDE_NOT_FOUND');
    const taken = await call('guide', 'c1', 'bind', { code: await codeOfGuide('g2') });
    expect(codeOf(taken)).toBe('GUIDE_ALREADY_BOUND');
    expect(!taken.ok && taken.error.message).toBe('你已有专属导购');
  });

  it('my customers: masked nicknames, tier and tags from the CRM profile, last purchase; never an openid', async () => {
    const member = functionCallers('member');
    await member.ok('member', 'c1', 'join', { nickname: '陈美丽' });
    const code = await codeOfGuide('g1');
    await ok('guide', 'c1', 'bind', { code });
    bench.clock.advance(60_000);
    await ok('guide', 'c2', 'bind', { code });
    const order = await bench.ok('order', 'c1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', 'c1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    const view = await ok('guide', 'g1', 'myCustomers', {});
    expect(view).toMatchObject({ storeId: 'store-demo', storeName: '示例门店', total: 2 });
    expect(view.items.map((c: any) => [c.nickname, c.isMember, c.tierName !== null, c.lastPurchaseAt !== null])).toEqual([
      ['微信用户', false, false, false],
      ['陈**', true, true, true],
    ]);
    expect(JSON.stringify(view.items.map(({ key: _key, ...rest }: any) => rest))).not.toMatch(/c1|c2|陈美丽/);
    expect(view.items.every((c: any) => /^[0-9a-f]{12}$/.test(c.key))).toBe(true);
    expect((await ok('guide', 'g2', 'myCustomers', {})).total).toBe(0);
  });

  it('two guides’ codes opened at once end with one binding', async () => {
    const [a, b] = [await codeOfGuide('g1'), await codeOfGuide('g2')];
    for (let i = 0; i < 6; i += 1) {
      const results = await Promise.all([call('guide', `c${i}`, 'bind', { code: a }), call('guide', `c${i}`, 'bind', { code: b }), call('guide', `c${i}`, 'bind', { code: a })]);
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === 'OK').length).toBeGreaterThanOrEqual(1);
      expect(codes.every((c) => c === 'OK' || c === 'GUIDE_ALREADY_BOUND')).toBe(true);
      const doc = await binding(`c${i}`);
      // whoever won, the answers agree with it
      results.forEach((r, k) => {
        const mine = k === 1 ? 'g2' : 'g1';
        expect(r.ok).toBe(doc.guideId === mine);
      });
      expect(results.filter((r) => r.ok && (r.data as any).boundNow).length).toBe(1);
    }
    expect(await bench.count('guide_bindings')).toBe(6);
  });

  it('re-binds to another guide only after the idle days without a purchase (settings), and never with 0 days', async () => {
    const [a, b] = [await codeOfGuide('g1'), await codeOfGuide('g2')];
    await ok('guide', 'c1', 'bind', { code: a });
    bench.clock.advance(29 * DAY);
    const early = await call('guide', 'c1', 'bind', { code: b });
    expect(codeOf(early)).toBe('GUIDE_ALREADY_BOUND');
    expect(!early.ok && early.error.details).toMatchObject({ rebindAt: expect.any(Number) });
    bench.clock.advance(1 * DAY);
    expect(await ok('guide', 'c1', 'bind', { code: b })).toMatchObject({ boundNow: true, guide: '李**' });
    expect(await binding('c1')).toMatchObject({ guideId: 'g2', rebinds: 1, previous: { guideId: 'g1', reason: 'idle' } });

    // A purchase restarts the clock.
    bench.clock.advance(20 * DAY);
    const order = await bench.ok('order', 'c1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', 'c1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(await binding('c1')).toMatchObject({ lastPurchaseAt: bench.clock() });
    bench.clock.advance(15 * DAY); // 35 days after binding, 15 after the purchase
    expect(codeOf(await call('guide', 'c1', 'bind', { code: a }))).toBe('GUIDE_ALREADY_BOUND');
    bench.clock.advance(15 * DAY); // 30 after the purchase
    expect(await ok('guide', 'c1', 'bind', { code: a })).toMatchObject({ boundNow: true, guide: '王**' });

    await bench.grantOperator('ops-1');
    expect(await ok('guide', 'ops-1', 'saveSettings', { settings: { commissionBps: 500, rebindDays: 0 } })).toEqual({ commissionBps: 500, rebindDays: 0 });
    bench.clock.advance(400 * DAY);
    expect(codeOf(await call('guide', 'c1', 'bind', { code: b }))).toBe('GUIDE_ALREADY_BOUND');
    expect(codeOf(await call('guide', 'ops-1', 'saveSettings', { settings: { commissionBps: 20000, rebindDays: 3 } }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(await call('guide', 'g1', 'saveSettings', { settings: { commissionBps: 100, rebindDays: 3 } }))).toBe('FORBIDDEN');
  });

  it('a guide who leaves hands their customers to the store: orders name the store and no guide, and the next guide takes them at once', async () => {
    const [a, b] = [await codeOfGuide('g1'), await codeOfGuide('g2')];
    await ok('guide', 'c1', 'bind', { code: a });
    await bench.grantOperator('ops-1');
    // The operator revokes g1's staff grant (staff function, as in the back office).
    const staffFn = functionCallers('staff');
    await staffFn.ok('staff', 'ops-1', 'revokeStaff', { openid: 'g1', storeId: 'store-demo' });

    expect(await ok('guide', 'c1', 'myBinding', {})).toMatchObject({ binding: { guide: '门店', heldByStore: true } });
    expect(codeOf(await call('guide', 'c2', 'bind', { code: a }))).toBe('GUIDE_NOT_FOUND');
    const order = await bench.ok('order', 'c1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    expect(await bench.order(order._id)).toMatchObject({ guideId: null, guideStoreId: 'store-demo', guideCommissionBps: null });

    expect(await ok('guide', 'c1', 'bind', { code: b })).toMatchObject({ boundNow: true, guide: '李**' });
    expect(await binding('c1')).toMatchObject({ guideId: 'g2', previous: { guideId: 'g1', reason: 'guide_left' } });
    const next = await bench.ok('order', 'c1', 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    expect(await bench.order(next._id)).toMatchObject({ guideId: 'g2', guideStoreId: 'store-demo', guideCommissionBps: 300 });
  });
});
