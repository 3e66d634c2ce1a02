import type { Envelope } from '../../src/core/envelope';
import { schema } from '../../src/server/schema';
import { ADDRESS, DELIVERY, newRequestId, seedShop, START } from './order-harness';
import { MINUTE, OPERATOR, startFlashSaleBench, type FlashSaleBench } from './flashsale-harness';
import { functionCallers } from './function-callers';

const { call } = functionCallers('member', 'staff', 'groupbuy', 'order');

const HOUR = 60 * MINUTE;

/** Every document of every collection: a refused call must leave it exactly as it was. */
async function snapshot(bench: FlashSaleBench): Promise<string> {
  const all: Record<string, unknown[]> = {};
  for (const { name } of schema) all[name] = (await bench.db.collection(name).limit(1000).get()).data;
  return JSON.stringify(all);
}

/** Calls, expects the refusal `code` (and the field `reason` when given), and checks nothing was written. */
async function expectRefused(bench: FlashSaleBench, run: () => Promise<Envelope<any>>, code: string, field?: { path: string; reason: string }) {
  const before = await snapshot(bench);
  const result = await run();
  expect(result.ok).toBe(false);
  if (result.ok) return result;
  expect(result.error.code).toBe(code);
  if (field) expect((result.error.details as { fields: unknown[] }).fields).toContainEqual(expect.objectContaining(field));
  expect(await snapshot(bench)).toBe(before);
  return result;
}

describe('input hygiene: the real actions refuse dirty text, bad ids and times, and write nothing', () => {
  let bench: FlashSaleBench;
  beforeEach(async () => {
    bench = startFlashSaleBench();
    await seedShop(bench.db);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  it('member.join: a nickname with NUL, a bidi override or a lone surrogate', async () => {
    for (const nickname of ['小\u0000思', '\u202E思小', '小思\uD83D']) {
      await expectRefused(bench, () => call('member', 'u1', 'join', { nickname }), 'INVALID_ARGUMENT', { path: 'nickname', reason: expect.stringMatching(/^TEXT_/) });
    }
    expect(await bench.doc('members', 'u1')).toBeNull();
    // Chinese with an emoji (a surrogate pair) is a fine nickname.
    const joined = await call('member', 'u1', 'join', { nickname: '小思😀' });
    expect(joined).toMatchObject({ ok: true, data: { card: { member: { nickname: '小思😀' } } } });
  });

  it('order.create: an address with U+202E', async () => {
    const data = {
      items: [{ skuId: 'sku-tea-s', quantity: 1 }],
      fulfillment: { type: 'delivery', address: { ...ADDRESS, detail: '世纪大道\u202E号 1' } },
      requestId: newRequestId(),
      source: 'buyNow',
    };
    await expectRefused(bench, () => call('order', 'u1', 'create', data), 'INVALID_ARGUMENT', {
      path: 'fulfillment.address.detail',
      reason: 'TEXT_BIDI_CONTROL',
    });
    await expectRefused(bench, () => call('order', 'u1', 'create', { ...data, fulfillment: DELIVERY, remark: '放门口\u0000' }), 'INVALID_ARGUMENT', {
      path: 'remark',
      reason: 'TEXT_CONTROL_CHARS',
    });
    expect(await bench.count('orders')).toBe(0);
  });

  it('order.ship: a tracking number with NUL or a bidi override leaves the order unshipped', async () => {
    const order = await bench.ok('order', 'u1', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, requestId: newRequestId(), source: 'buyNow' });
    await bench.ok('order', 'u1', 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    for (const trackingNo of ['SF123\u0000', 'SF\u202E321', 'SF\n123']) {
      await expectRefused(bench, () => call('order', OPERATOR, 'ship', { orderId: order._id, trackingNo }), 'INVALID_ARGUMENT', {
        path: 'trackingNo',
        reason: expect.stringMatching(/^TEXT_/),
      });
    }
    expect(await bench.order(order._id)).toMatchObject({ status: 'PAID' });
    expect((await call('order', OPERATOR, 'ship', { orderId: order._id, trackingNo: 'SF123' })).ok).toBe(true);
  });

  it('staff.grantStaff: a path as openid (INVALID_ID), an unknown user (USER_NOT_FOUND), an unknown store (STORE_NOT_FOUND)', async () => {
    await expectRefused(bench, () => call('staff', OPERATOR, 'grantStaff', { openid: '../../etc/passwd', storeId: 'store-demo' }), 'INVALID_ARGUMENT', {
      path: 'openid',
      reason: 'INVALID_ID',
    });
    const unknown = await expectRefused(bench, () => call('staff', OPERATOR, 'grantStaff', { openid: 'oNobody0000000000000000000aa', storeId: 'store-demo' }), 'USER_NOT_FOUND');
    expect(unknown.ok === false && unknown.error.message).toMatch(/用户不存在/);
    await call('member', 'u-new', 'join', { nickname: '新店员' });
    await expectRefused(bench, () => call('staff', OPERATOR, 'grantStaff', { openid: 'u-new', storeId: 'store-nowhere' }), 'STORE_NOT_FOUND');
    // A known person: a member, or a profile from sign-in (`users`).
    expect(await call('staff', OPERATOR, 'grantStaff', { openid: 'u-new', storeId: 'store-demo' })).toMatchObject({ ok: true, data: { roles: ['staff'] } });
    await bench.db.collection('users').doc('u-profile').set({ nickname: '店长', createdAt: START });
    expect((await call('staff', OPERATOR, 'grantStaff', { openid: 'u-profile', storeId: 'store-demo' })).ok).toBe(true);
  });

  it('staff.revokeStaff of someone without a role record creates no role record', async () => {
    expect((await call('staff', OPERATOR, 'revokeStaff', { openid: 'oNobody0000000000000000000aa', storeId: 'store-demo' })).ok).toBe(true);
    expect(await bench.doc('roles', 'oNobody0000000000000000000aa')).toBeNull();
  });

  it('groupbuy.createActivity: startAt -1 or an absurd endAt (INVALID_TIME); endAt before startAt (ACTIVITY_INVALID)', async () => {
    const terms = { skuId: 'sku-tea-s', groupPrice: 1900, groupSize: 2, timeLimitMinutes: 60, perMemberLimit: 1, startAt: START, endAt: START + HOUR };
    await expectRefused(bench, () => call('groupbuy', OPERATOR, 'createActivity', { ...terms, startAt: -1 }), 'INVALID_ARGUMENT', {
      path: 'startAt',
      reason: 'INVALID_TIME',
    });
    await expectRefused(bench, () => call('groupbuy', OPERATOR, 'createActivity', { ...terms, endAt: 8.64e15 }), 'INVALID_ARGUMENT', {
      path: 'endAt',
      reason: 'INVALID_TIME',
    });
    await expectRefused(bench, () => call('groupbuy', OPERATOR, 'createActivity', { ...terms, title: '拼团\u202E' }), 'INVALID_ARGUMENT', {
      path: 'title',
      reason: 'TEXT_BIDI_CONTROL',
    });
    await expectRefused(bench, () => call('groupbuy', OPERATOR, 'createActivity', { ...terms, endAt: START - HOUR }), 'ACTIVITY_INVALID');
    expect((await call('groupbuy', OPERATOR, 'createActivity', terms)).ok).toBe(true);
  });

  it('flashsale.create and update: a per-member limit above the quantity is refused (SALE_INVALID on perMemberLimit)', async () => {
    const now = bench.clock();
    const terms = { skuId: 'sku-tea-s', salePrice: 900, quantity: 3, startAt: now + 10 * MINUTE, endAt: now + HOUR, perMemberLimit: 4, shards: 2 };
    const refused = await expectRefused(bench, () => bench.fs(OPERATOR, 'create', terms), 'SALE_INVALID');
    expect(refused.ok === false && refused.error.details?.issues).toEqual([{ field: 'perMemberLimit', message: '每人限购不能超过秒杀数量' }]);
    const stock = (await bench.sku('sku-tea-s')).stock;

    const sale = await bench.fsOk(OPERATOR, 'create', { ...terms, perMemberLimit: 3 });
    await expectRefused(bench, () => bench.fs(OPERATOR, 'update', { saleId: sale.saleId, quantity: 2 }), 'SALE_INVALID');
    await expectRefused(bench, () => bench.fs(OPERATOR, 'update', { saleId: sale.saleId, perMemberLimit: 5 }), 'SALE_INVALID');
    await expectRefused(bench, () => bench.fs(OPERATOR, 'update', { saleId: sale.saleId, title: '秒杀\u0000' }), 'INVALID_ARGUMENT', {
      path: 'title',
      reason: 'TEXT_CONTROL_CHARS',
    });
    expect(await bench.saleDoc(sale.saleId)).toMatchObject({ quantity: 3, perMemberLimit: 3 });
    expect((await bench.sku('sku-tea-s')).stock).toBe(stock - 3);
  });
});
