/**
 * Issue 9, items 8, 10 and 11: every kind of order that is picked up carries
 * an 8-digit 取货码 (unique among open pickups), the scanner finds it by QR,
 * typed code or order number, another store's staff learn only the right
 * store's name, and every kind refuses an order without a valid store.
 */
import type { Envelope } from '../../src/core/envelope';
import type { OrderFulfillment } from '../../src/core/order/types';
import { PICKUP_CODES, withPickupCodeInTx } from '../../src/server/services/order/pickup-code';
import { newRequestId, PICKUP, START } from './order-harness';
import { rid, startPromotionBench, type PromotionBench } from './promotion-harness';
import { codeOf, functionCallers } from './function-callers';
import { seedTwoStores, STORE_A, STORE_B } from './staff-harness';

const { call, ok } = functionCallers('staff', 'groupbuy', 'flashsale', 'catalog');

const STAFF_A = 'staff-a';
const STAFF_B = 'staff-b';
const OPERATOR = 'ops-1';
const HOUR = 3_600_000;
const AT_B = { type: 'pickup', storeId: STORE_B } as const;

type Kind = 'shop' | 'live' | 'groupbuy' | 'flashsale' | 'mall';
const KINDS: Kind[] = ['shop', 'live', 'groupbuy', 'flashsale', 'mall'];

describe('pickup codes, the scanner and the pickup store', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedTwoStores(bench, {
      name: '静安寺店',
      address: '上海市静安区南京西路 1601 号',
      phone: '021-6288-1601',
      hours: { open: '10:00', close: '22:00' },
      location: { latitude: 31.2238, longitude: 121.4458 },
      pickupEnabled: true,
      sort: 2,
    });
    await bench.db.collection('stores').doc('store-closed').set({ name: '装修中门店', pickupEnabled: false });
    await bench.grantStaff(STAFF_A, [STORE_A]);
    await bench.grantStaff(STAFF_B, [STORE_B]);
    await bench.grantOperator(OPERATOR);
  });
  afterEach(() => bench.close());

  /** A 2-person group-buy on sku-tea-s, live from an hour before START for a day. */
  const openTeaGroupBuy = (): Promise<{ activityId: string }> =>
    ok('groupbuy', OPERATOR, 'createActivity', {
      skuId: 'sku-tea-s',
      groupPrice: 1990,
      groupSize: 2,
      timeLimitMinutes: 60,
      perMemberLimit: 2,
      startAt: START - HOUR,
      endAt: START + 24 * HOUR,
    });
  /** A flash sale of 10 sku-tea-s, on from now for an hour. */
  const openTeaFlashSale = (): Promise<{ saleId: string }> =>
    ok('flashsale', OPERATOR, 'create', {
      skuId: 'sku-tea-s',
      salePrice: 900,
      quantity: 10,
      perMemberLimit: 2,
      startAt: bench.clock(),
      endAt: bench.clock() + HOUR,
      shards: 2,
    });
  const payAndNotify = async (openid: string, orderId: string) => {
    await bench.ok('order', openid, 'pay', { orderId });
    await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
  };

  /** A paid pickup order of `kind` at `storeId`, READY_FOR_PICKUP; its id. */
  async function readyOrder(kind: Kind, openid: string, storeId = STORE_A): Promise<string> {
    const fulfillment = { type: 'pickup', storeId };
    if (kind === 'shop' || kind === 'live') {
      const live = kind === 'live' ? { liveRoomId: 'room-1', source: 'buyNow' } : {};
      const order = await bench.ok('order', openid, 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment, requestId: newRequestId(), ...live });
      await payAndNotify(openid, order._id);
      return order._id;
    }
    if (kind === 'groupbuy') {
      const { activityId } = await openTeaGroupBuy();
      const opened = await ok('groupbuy', openid, 'open', { activityId, requestId: rid(), fulfillment });
      await payAndNotify(openid, opened.orderId);
      const partner = `${openid}-partner`;
      const joined = await ok('groupbuy', partner, 'join', { groupId: opened.groupId, requestId: rid(), fulfillment: { type: 'pickup', storeId: STORE_A } });
      await payAndNotify(partner, joined.orderId);
      return opened.orderId;
    }
    if (kind === 'flashsale') {
      const sale = await openTeaFlashSale();
      const { orderId } = await ok('flashsale', openid, 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment });
      await payAndNotify(openid, orderId);
      return orderId;
    }
    await bench.putMallItem('mug', { skuId: null, pointsPrice: 100, cashPrice: 0, perMemberLimit: 5 });
    await bench.givePoints(openid, 1000);
    const redeemed = await bench.promoOk('mall', openid, 'redeem', { itemId: 'mug', requestId: rid(), fulfillment });
    return redeemed.order._id;
  }

  const pickupCodeOf = async (orderId: string): Promise<string> => ((await bench.order(orderId)).fulfillment as { pickupCode: string }).pickupCode;

  it.each(KINDS)('a %s pickup order carries a code; staff find it by QR, typed code or order number, verify it, and the customer sees 已完成', async (kind) => {
    const openid = `u-${kind}`;
    const orderId = await readyOrder(kind, openid);
    expect(await bench.order(orderId)).toMatchObject({ status: 'READY_FOR_PICKUP' });
    const code = await pickupCodeOf(orderId);
    expect(code).toMatch(/^\d{8}$/);
    expect(await bench.doc(PICKUP_CODES, code)).toMatchObject({ orderId, storeId: STORE_A, open: true });

    for (const typed of [code, `${code.slice(0, 4)} ${code.slice(4)}`, orderId]) {
      expect(await ok('staff', STAFF_A, 'scan', { code: typed, storeId: STORE_A })).toMatchObject({
        kind: 'pickup',
        verifiable: true,
        order: { orderId, pickupCode: code, status: 'READY_FOR_PICKUP', storeId: STORE_A },
      });
    }
    expect(await ok('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A })).toMatchObject({ verifiedNow: true, order: { status: 'COMPLETED' } });
    expect(await bench.ok('order', openid, 'get', { orderId })).toMatchObject({ status: 'COMPLETED', statusLabel: '已完成' });
    expect(await bench.doc(PICKUP_CODES, code)).toMatchObject({ orderId, open: false, releasedAt: bench.clock() });
  });

  it('codes are unique among the open pickups of every kind; a delivery order has none', async () => {
    const orders = [];
    for (const kind of KINDS) orders.push(await readyOrder(kind, `u-many-${kind}`));
    const codes = await Promise.all(orders.map(pickupCodeOf));
    expect(new Set(codes).size).toBe(codes.length);
    const delivery = await bench.ok('order', 'u-d', 'create', {
      items: [{ skuId: 'sku-tea-s', quantity: 1 }],
      fulfillment: { type: 'delivery', address: { name: '林', phone: '13800000000', region: '上海市', detail: '某路 1 号' } },
      requestId: newRequestId(),
    });
    expect(delivery.fulfillment).not.toHaveProperty('pickupCode');
    // One more: the group-buy's partner picks up too.
    expect(await bench.count(PICKUP_CODES)).toBe(codes.length + 1);
  });

  it('a cancelled order frees its code; a drawn code held by an open pickup is skipped, a freed one is given again', async () => {
    const openOrder = await readyOrder('shop', 'u-open');
    const heldCode = await pickupCodeOf(openOrder);
    const cancelled = await bench.ok('order', 'u-c', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', 'u-c', 'cancel', { orderId: cancelled._id });
    const freedCode = await pickupCodeOf(cancelled._id);
    expect(await bench.doc(PICKUP_CODES, freedCode)).toMatchObject({ orderId: cancelled._id, open: false, releasedAt: bench.clock() });
    expect(await bench.doc(PICKUP_CODES, heldCode)).toMatchObject({ orderId: openOrder, open: true });

    const fulfillment: OrderFulfillment = { type: 'pickup', storeId: STORE_A, storeName: '示例门店' };
    const draws = [heldCode, freedCode];
    const given = await bench.db.runTransaction(async (tx) => {
      const queue = [...draws]; // every run draws the same sequence
      return withPickupCodeInTx(tx, 'o_new', fulfillment, bench.clock(), () => queue.shift()!);
    });
    expect(given).toMatchObject({ pickupCode: freedCode });
    expect(await bench.doc(PICKUP_CODES, heldCode)).toMatchObject({ orderId: openOrder, open: true });
    expect(await bench.doc(PICKUP_CODES, freedCode)).toMatchObject({ orderId: 'o_new', open: true });
    // The cancelled order's old code now names the new order, not the cancelled one.
    expect(codeOf(await call('staff', STAFF_A, 'scan', { code: freedCode, storeId: STORE_A }))).toBe('CODE_UNKNOWN');
  });

  it('staff of another store get PICKUP_WRONG_STORE with the right store’s name and nothing else, for every kind', async () => {
    for (const kind of KINDS) {
      const orderId = await readyOrder(kind, `u-wrong-${kind}`, STORE_B);
      const code = await pickupCodeOf(orderId);
      for (const typed of [code, orderId]) {
        const scanned = await call('staff', STAFF_A, 'scan', { code: typed, storeId: STORE_A });
        expect(scanned).toEqual({ ok: false, error: { code: 'PICKUP_WRONG_STORE', message: expect.stringContaining('静安寺店'), details: { pickupStoreName: '静安寺店' } } });
        expect(JSON.stringify(scanned)).not.toContain(orderId);
      }
      const verify = await call('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A });
      expect(verify).toMatchObject({ ok: false, error: { code: 'PICKUP_WRONG_STORE', details: { pickupStoreName: '静安寺店' } } });
      // The right store's staff hand it over.
      expect(await ok('staff', STAFF_B, 'scan', { code, storeId: STORE_B })).toMatchObject({ kind: 'pickup', verifiable: true });
      expect(await ok('staff', STAFF_B, 'verifyPickup', { orderId, storeId: STORE_B })).toMatchObject({ verifiedNow: true });
    }
  });

  it('every kind refuses a pickup without a valid store: unknown or closed (STORE_NOT_FOUND), none named (PICKUP_STORE_REQUIRED)', async () => {
    const { activityId } = await openTeaGroupBuy();
    const sale = await openTeaFlashSale();
    await bench.putMallItem('mug', { pointsPrice: 100, cashPrice: 0, perMemberLimit: 5 });
    await bench.givePoints('u-x', 1000);
    for (const storeId of ['store-nowhere', 'store-closed']) {
      const fulfillment = { type: 'pickup', storeId };
      const attempts = [
        await bench.call('order', 'u-x', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment, requestId: newRequestId() }),
        await bench.call('order', 'u-x', 'create', { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment, requestId: newRequestId(), liveRoomId: 'room-1', source: 'buyNow' }),
        await call('groupbuy', 'u-x', 'open', { activityId, requestId: rid(), fulfillment }),
        await call('flashsale', 'u-x', 'buy', { saleId: sale.saleId, requestId: rid(), fulfillment }),
        await bench.promo('mall', 'u-x', 'redeem', { itemId: 'mug', requestId: rid(), fulfillment }),
      ];
      expect(attempts.map((a) => codeOf(a as Envelope<unknown>))).toEqual(Array(5).fill('STORE_NOT_FOUND'));
    }
    expect(codeOf(await call('flashsale', 'u-x', 'buy', { saleId: sale.saleId, requestId: rid() }))).toBe('PICKUP_STORE_REQUIRED');
    expect(await bench.count('orders')).toBe(0);
  });

  it('catalog.pickupStores lists the stores that take pickups with address, hours and phone; order.get shows the order’s store', async () => {
    const { stores } = await ok('catalog', 'u-s', 'pickupStores', {});
    expect(stores.map((s: { storeId: string }) => s.storeId)).toEqual([STORE_A, STORE_B]);
    expect(stores[1]).toEqual({
      storeId: STORE_B,
      name: '静安寺店',
      address: '上海市静安区南京西路 1601 号',
      phone: '021-6288-1601',
      hours: '10:00–22:00',
      location: { latitude: 31.2238, longitude: 121.4458 },
    });
    const orderId = await readyOrder('shop', 'u-s', STORE_B);
    const order = await bench.ok('order', 'u-s', 'get', { orderId });
    expect(order).toMatchObject({ fulfillment: { type: 'pickup', storeId: STORE_B, pickupCode: expect.stringMatching(/^\d{8}$/) }, pickupStore: stores[1] });
  });
});
