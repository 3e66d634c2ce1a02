import { MEMBER_CODE_PERIOD_MS } from '../../src/server/services/member/code';
import { newRequestId, PICKUP } from './order-harness';
import { rid, startPromotionBench, type PromotionBench } from './promotion-harness';
import { codeOf, functionCallers } from './function-callers';
import { seedTwoStores, STORE_A, STORE_B } from './staff-harness';

const { call, ok } = functionCallers('staff', 'member', 'coupon');

const STAFF_A = 'staff-a';
const STAFF_B = 'staff-b';
const OPERATOR = 'ops-1';
const CUSTOMER = 'u1';

describe('staff: scanning, in-store purchases, pickups, coupons, roles and audit', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedTwoStores(bench);
    await bench.grantStaff(STAFF_A, [STORE_A]);
    await bench.grantStaff(STAFF_B, [STORE_B]);
    await bench.grantOperator(OPERATOR);
    await ok('member', CUSTOMER, 'join', { nickname: '小思' });
  });
  afterEach(() => bench.close());

  const memberCode = async (openid = CUSTOMER): Promise<string> => (await ok('member', openid, 'code')).code;
  const purchase = (code: string, receiptNo: string, amount = 12_850, staff = STAFF_A, storeId = STORE_A) =>
    call('staff', staff, 'recordPurchase', { memberCode: code, storeId, amount, receiptNo });
  const readyPickupOrder = async (openid = CUSTOMER): Promise<string> => {
    const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', openid, 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    expect(await bench.order(order._id)).toMatchObject({ status: 'READY_FOR_PICKUP' });
    return order._id;
  };
  const audits = async (where: Record<string, unknown> = {}) => (await bench.db.collection('staff_audit').where(where).limit(100).get()).data as any[];

  it('refuses customers (FORBIDDEN) on every staff and operator action', async () => {
    const calls: Array<[string, unknown]> = [
      ['scan', { code: 'x', storeId: STORE_A }],
      ['recordPurchase', { memberCode: 'M1.x.1.y', storeId: STORE_A, amount: 100, receiptNo: 'r1' }],
      ['verifyPickup', { orderId: 'o_1', storeId: STORE_A }],
      ['verifyCoupon', { code: '123', storeId: STORE_A, amount: 5000 }],
      ['myStores', {}],
      ['grantStaff', { openid: CUSTOMER, storeId: STORE_A }],
      ['revokeStaff', { openid: STAFF_A, storeId: STORE_A }],
      ['auditLog', { page: 1 }],
    ];
    for (const [action, data] of calls) expect([action, codeOf(await call('staff', CUSTOMER, action, data))]).toEqual([action, 'FORBIDDEN']);
    for (const action of ['grantStaff', 'revokeStaff', 'auditLog']) {
      const data = calls.find(([name]) => name === action)![1];
      expect([action, codeOf(await call('staff', STAFF_A, action, data))]).toEqual([action, 'FORBIDDEN']);
    }
  });

  it('staff of store A are refused for store B on every store action', async () => {
    const code = await memberCode();
    const orderId = await readyPickupOrder();
    for (const [action, data] of [
      ['scan', { code, storeId: STORE_B }],
      ['recordPurchase', { memberCode: code, storeId: STORE_B, amount: 100, receiptNo: 'r1' }],
      ['verifyPickup', { orderId, storeId: STORE_B }],
      ['verifyCoupon', { code: '123456789012', storeId: STORE_B, amount: 5000 }],
    ] as const) {
      expect([action, codeOf(await call('staff', STAFF_A, action, data))]).toEqual([action, 'FORBIDDEN']);
    }
    expect(await bench.order(orderId)).toMatchObject({ status: 'READY_FOR_PICKUP' });
    expect(await bench.count('instore_receipts')).toBe(0);
  });

  it('scan recognises a member code, a pickup order and a coupon; anything else is CODE_UNKNOWN', async () => {
    const member = await ok('staff', STAFF_A, 'scan', { code: await memberCode(), storeId: STORE_A });
    expect(member).toMatchObject({ kind: 'member', member: { nickname: '小思', points: 100, tier: { id: expect.any(String) } } });
    expect(member.member).not.toHaveProperty('phone');

    const orderId = await readyPickupOrder();
    expect(await ok('staff', STAFF_A, 'scan', { code: orderId, storeId: STORE_A })).toMatchObject({
      kind: 'pickup',
      atThisStore: true,
      verifiable: true,
      order: { orderId, status: 'READY_FOR_PICKUP', storeId: STORE_A, nickname: '小思', items: [{ quantity: 1 }] },
    });
    // Another store's staff learn only where to send the customer (issue 9, item 8).
    expect(await call('staff', STAFF_B, 'scan', { code: orderId, storeId: STORE_B })).toEqual({
      ok: false,
      error: { code: 'PICKUP_WRONG_STORE', message: expect.stringContaining('示例门店'), details: { pickupStoreName: '示例门店' } },
    });

    await bench.putTemplate('t1');
    const coupon = await bench.promoOk('coupon', CUSTOMER, 'claim', { templateId: 't1', requestId: rid() });
    expect(await ok('staff', STAFF_A, 'scan', { code: coupon.code, storeId: STORE_A })).toMatchObject({ kind: 'coupon', verifiable: true, coupon: { code: coupon.code } });

    expect(codeOf(await call('staff', STAFF_A, 'scan', { code: 'hello', storeId: STORE_A }))).toBe('CODE_UNKNOWN');
    expect(codeOf(await call('staff', STAFF_A, 'scan', { code: 'o_aaaaaaaaaaaaaaaaaaaa', storeId: STORE_A }))).toBe('CODE_UNKNOWN');
  });

  it('a member code is accepted in its window and the next, refused two windows later', async () => {
    const code = await memberCode();
    bench.clock.advance(MEMBER_CODE_PERIOD_MS);
    expect((await purchase(code, 'r-next-window')).ok).toBe(true);
    bench.clock.advance(MEMBER_CODE_PERIOD_MS);
    expect(codeOf(await purchase(code, 'r-two-windows'))).toBe('MEMBER_CODE_INVALID');
    expect(codeOf(await call('staff', STAFF_A, 'scan', { code, storeId: STORE_A }))).toBe('MEMBER_CODE_INVALID');
    const forged = `${code.slice(0, -2)}AA`;
    expect(codeOf(await purchase(forged === code ? `${code.slice(0, -2)}BA` : forged, 'r-forged'))).toBe('MEMBER_CODE_INVALID');
    expect(await bench.count('instore_receipts')).toBe(1);
  });

  it('a purchase earns points at the tier multiplier and growth, once per receipt', async () => {
    const code = await memberCode();
    const first = await ok('staff', STAFF_A, 'recordPurchase', { memberCode: code, storeId: STORE_A, amount: 12_850, receiptNo: 'R-001' });
    expect(first).toMatchObject({ points: 128, balance: 228, duplicate: false, nickname: '小思', receiptNo: 'R-001' });
    const again = await ok('staff', STAFF_A, 'recordPurchase', { memberCode: code, storeId: STORE_A, amount: 99_900, receiptNo: 'R-001' });
    expect(again).toMatchObject({ points: 128, balance: 228, duplicate: true, amount: 12_850 });
    expect(await bench.balance(CUSTOMER)).toBe(228);
    expect((await ok('member', CUSTOMER, 'card')).growth).toBe(128);
    const ledger = (await bench.db.collection('points_ledger').where({ openid: CUSTOMER, kind: 'instore' }).get()).data;
    expect(ledger).toEqual([expect.objectContaining({ source: `instore:${STORE_A}:R-001`, delta: 128 })]);
  });

  it('the same receipt number recorded concurrently earns once', async () => {
    const code = await memberCode();
    const results = await Promise.all(Array.from({ length: 8 }, () => purchase(code, 'R-777', 5_000)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1);
    expect(await bench.balance(CUSTOMER)).toBe(150);
    expect(await bench.count('points_ledger', { kind: 'instore' })).toBe(1);
    expect(await bench.count('staff_audit', { action: 'recordPurchase', result: 'ok' })).toBe(1);
    expect(await bench.count('staff_audit', { action: 'recordPurchase', result: 'duplicate' })).toBe(7);
  });

  it('a pickup is verified once at its store; another store and a wrong state are refused', async () => {
    const orderId = await readyPickupOrder();
    expect(codeOf(await call('staff', STAFF_B, 'verifyPickup', { orderId, storeId: STORE_B }))).toBe('PICKUP_WRONG_STORE');
    const done = await ok('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A });
    expect(done).toMatchObject({ verifiedNow: true, order: { orderId, status: 'COMPLETED' } });
    expect(await bench.order(orderId)).toMatchObject({ status: 'COMPLETED', completedAt: bench.clock() });
    expect(await ok('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A })).toMatchObject({ verifiedNow: false, order: { status: 'COMPLETED' } });
    expect(((await bench.order(orderId)).history as any[]).filter((h) => h.event === 'pickUp')).toHaveLength(1);

    const unpaid = await bench.ok('order', CUSTOMER, 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    expect(codeOf(await call('staff', STAFF_A, 'verifyPickup', { orderId: unpaid._id, storeId: STORE_A }))).toBe('ORDER_STATE_INVALID');
    expect(codeOf(await call('staff', STAFF_A, 'verifyPickup', { orderId: 'o_nothing', storeId: STORE_A }))).toBe('ORDER_NOT_FOUND');
  });

  it('concurrent pickup verifications complete the order once', async () => {
    const orderId = await readyPickupOrder();
    const results = await Promise.all(Array.from({ length: 5 }, () => ok('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A })));
    expect(results.filter((r) => r.verifiedNow)).toHaveLength(1);
    expect(await bench.count('staff_audit', { action: 'verifyPickup', result: 'ok' })).toBe(1);
  });

  it('a coupon is verified at this store, once', async () => {
    await bench.putTemplate('t1');
    const coupon = await bench.promoOk('coupon', CUSTOMER, 'claim', { templateId: 't1', requestId: rid() });
    const used = await ok('staff', STAFF_A, 'verifyCoupon', { code: coupon.code, storeId: STORE_A, amount: 5000 });
    expect(used).toMatchObject({ verifiedNow: true, storeId: STORE_A, coupon: { status: 'USED' } });
    expect(await bench.doc('coupons', coupon.couponId)).toMatchObject({ status: 'USED', usedStoreId: STORE_A, verifiedBy: STAFF_A });
    expect(await ok('staff', STAFF_A, 'verifyCoupon', { code: coupon.code, storeId: STORE_A, amount: 5000 })).toMatchObject({ verifiedNow: false });
    expect(codeOf(await call('staff', STAFF_B, 'verifyCoupon', { code: coupon.code, storeId: STORE_B, amount: 5000 }))).toBe('COUPON_USED');
    expect(await bench.count('staff_audit', { action: 'verifyCoupon', result: 'ok' })).toBe(1);
  });

  it('every verification writes an audit entry: who, where, what, result, when', async () => {
    const code = await memberCode();
    await purchase(code, 'R-1');
    await purchase(code, 'R-1');
    await call('staff', STAFF_A, 'verifyPickup', { orderId: 'o_nothing', storeId: STORE_A });
    const entries = await audits({ staffOpenid: STAFF_A });
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ storeId: STORE_A, action: 'recordPurchase', target: 'R-1', result: 'ok', at: bench.clock() }),
        expect.objectContaining({ action: 'recordPurchase', target: 'R-1', result: 'duplicate' }),
        expect.objectContaining({ action: 'verifyPickup', target: 'o_nothing', result: 'ORDER_NOT_FOUND' }),
      ]),
    );
    const log = await ok('staff', OPERATOR, 'auditLog', { storeId: STORE_A, page: 1 });
    expect(log.items).toHaveLength(3);
    expect(log).toMatchObject({ page: 1, hasMore: false });
    expect((await ok('staff', OPERATOR, 'auditLog', { storeId: STORE_B })).items).toHaveLength(0);
  });

  it('operators grant and revoke staff of a store, audited; the grant takes effect at once', async () => {
    const code = await memberCode();
    expect(codeOf(await purchase(code, 'R-1', 100, 'newbie'))).toBe('FORBIDDEN');
    await ok('member', 'newbie', 'join', { nickname: '新店员' });
    expect(await ok('staff', OPERATOR, 'grantStaff', { openid: 'newbie', storeId: STORE_A })).toEqual({ openid: 'newbie', roles: ['staff'], staffStoreIds: [STORE_A] });
    expect(await ok('staff', OPERATOR, 'grantStaff', { openid: 'newbie', storeId: STORE_B })).toMatchObject({ staffStoreIds: [STORE_A, STORE_B] });
    expect((await ok('staff', 'newbie', 'myStores')).stores).toEqual([
      { storeId: STORE_A, name: '示例门店' },
      { storeId: STORE_B, name: '第二门店' },
    ]);
    expect((await purchase(code, 'R-1', 100, 'newbie')).ok).toBe(true);
    expect(await ok('staff', OPERATOR, 'revokeStaff', { openid: 'newbie', storeId: STORE_A })).toMatchObject({ roles: ['staff'], staffStoreIds: [STORE_B] });
    expect(codeOf(await purchase(code, 'R-2', 100, 'newbie'))).toBe('FORBIDDEN');
    expect(await ok('staff', OPERATOR, 'revokeStaff', { openid: 'newbie', storeId: STORE_B })).toMatchObject({ roles: [], staffStoreIds: [] });
    expect(codeOf(await call('staff', 'newbie', 'myStores'))).toBe('FORBIDDEN');
    expect(codeOf(await call('staff', OPERATOR, 'grantStaff', { openid: 'newbie', storeId: 'nowhere' }))).toBe('STORE_NOT_FOUND');
    expect(await bench.count('staff_audit', { staffOpenid: OPERATOR, target: 'newbie' })).toBe(4);
  });

  it('an operator who becomes staff keeps the operator role', async () => {
    expect(await ok('staff', OPERATOR, 'grantStaff', { openid: OPERATOR, storeId: STORE_A })).toMatchObject({ roles: ['operator', 'staff'] });
    expect(await ok('staff', OPERATOR, 'revokeStaff', { openid: OPERATOR, storeId: STORE_A })).toMatchObject({ roles: ['operator'], staffStoreIds: [] });
  });
});
