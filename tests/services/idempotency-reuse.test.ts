/**
 * Every keyed action binds its requestId to its input (issue 9, item 4): the
 * same key with the same input, even concurrently, has one effect and one
 * answer; the same key with another input is IDEMPOTENCY_KEY_REUSED and writes
 * nothing (every collection is compared before and after).
 */
import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import { withIdempotency } from '../../src/server/kit';
import { inputFingerprint } from '../../src/server/kit/input-fingerprint';
import type { FunctionContext } from '../../src/server/kit/types';
import { schema } from '../../src/server/schema';
import { ADDRESS, DELIVERY, seedShop, START } from './order-harness';
import { rid, startPromotionBench, type PromotionBench } from './promotion-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
const loadMain = (name: string): Main =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require(join(__dirname, '../../cloudfunctions', name, 'index.ts')) as { main: Main }).main;
const mains = { groupbuy: loadMain('groupbuy'), flashsale: loadMain('flashsale'), points: loadMain('points'), member: loadMain('member') };

const OP = 'op-1';
const HOUR = 60 * 60_000;
const REUSED = 'IDEMPOTENCY_KEY_REUSED';
const OTHER_ADDRESS = { type: 'delivery', address: { ...ADDRESS, detail: '世纪大道 2 号' } } as const;

describe('idempotency keys reused with other input', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedShop(bench.db);
    await bench.grantOperator(OP);
  });
  afterEach(() => bench.close());

  const call = (fn: keyof typeof mains, openid: string, action: string, data: unknown = {}) =>
    mains[fn]({ action, data }, { request_id: randomUUID(), environ: `WX_OPENID=${openid};WX_APPID=wxtest` }) as Promise<Envelope<any>>;
  const okOf = <T>(envelope: Envelope<T>): T => {
    if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
    return envelope.data;
  };

  /** Every document of every collection: equal before and after means nothing was written. */
  async function everything(): Promise<Record<string, unknown[]>> {
    const all: Record<string, unknown[]> = {};
    for (const { name } of schema) {
      const { data } = await bench.db.collection(name).limit(1000).get();
      if (data.length > 0) all[name] = [...data].sort((a: any, b: any) => String(a._id).localeCompare(String(b._id)));
    }
    return all;
  }

  /** Three concurrent calls with one key and one input answer alike; a fourth with another input is refused and writes nothing. */
  async function expectKeyBoundToInput(
    send: (variant: 'same' | 'other') => Promise<Envelope<any>>,
  ): Promise<any> {
    const answers = await Promise.all([1, 2, 3].map(() => send('same')));
    const first = okOf(answers[0]!);
    for (const answer of answers) expect(answer).toEqual({ ok: true, data: first });

    const before = await everything();
    const reused = await send('other');
    expect(reused).toMatchObject({ ok: false, error: { code: REUSED } });
    expect((reused as { error: { message: string } }).error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await everything()).toEqual(before);

    expect(await send('same')).toEqual({ ok: true, data: first });
    return first;
  }

  it('order.create: another item, quantity or coupon choice is refused; the same input answers the first order', async () => {
    const requestId = rid();
    const input = { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, source: 'buyNow', requestId };
    const order = await expectKeyBoundToInput((variant) =>
      bench.call('order', 'u1', 'create', variant === 'same' ? input : { ...input, items: [{ skuId: 'sku-tea-l', quantity: 1 }] }),
    );
    expect(await bench.count('orders', { openid: 'u1' })).toBe(1);
    expect((await bench.sku('sku-tea-s')).stock).toBe(99);
    expect(order.items).toEqual([expect.objectContaining({ skuId: 'sku-tea-s', quantity: 1 })]);
    for (const other of [{ ...input, items: [{ skuId: 'sku-tea-s', quantity: 2 }] }, { ...input, couponId: null }, { ...input, fulfillment: OTHER_ADDRESS }]) {
      expect(await bench.call('order', 'u1', 'create', other)).toMatchObject({ ok: false, error: { code: REUSED } });
    }
    // Another caller's key is another key.
    expect(await bench.call('order', 'u2', 'create', { ...input, items: [{ skuId: 'sku-tea-l', quantity: 1 }] })).toMatchObject({ ok: true });
  });

  it('order.create: a record written before fingerprints answers the first order', async () => {
    const requestId = rid();
    const input = { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: DELIVERY, source: 'buyNow', requestId };
    const first = okOf(await bench.call<any>('order', 'u1', 'create', input));
    await bench.db.collection('idempotency').where({ requestId }).update({ inputHash: bench.db.command.remove() });
    const replay = await bench.call<any>('order', 'u1', 'create', { ...input, items: [{ skuId: 'sku-tea-l', quantity: 1 }] });
    expect(replay).toMatchObject({ ok: true, data: { _id: first._id } });
    expect(await bench.count('orders', { openid: 'u1' })).toBe(1);
  });

  it('coupon.claim: another template is refused; the same template answers the first coupon', async () => {
    await bench.putTemplate('t5', { perMemberLimit: 2 });
    await bench.putTemplate('t6', { title: '满60减6', perMemberLimit: 2 });
    const requestId = rid();
    const coupon = await expectKeyBoundToInput((variant) =>
      bench.promo<any>('coupon', 'u1', 'claim', { templateId: variant === 'same' ? 't5' : 't6', requestId }),
    );
    expect(coupon).toMatchObject({ templateId: 't5' });
    expect(await bench.count('coupons', { openid: 'u1' })).toBe(1);
    expect(await bench.doc('coupon_templates', 't5')).toMatchObject({ claimed: 1 });
    expect(await bench.doc('coupon_templates', 't6')).toMatchObject({ claimed: 0 });
  });

  it('mall.redeem: another item or address is refused; the same input answers the first redemption', async () => {
    await bench.putMallItem('mug', { pointsPrice: 300, stock: 5, perMemberLimit: 2 });
    await bench.putMallItem('cup', { title: '茶杯', pointsPrice: 200, stock: 5, perMemberLimit: 2 });
    await bench.givePoints('u1', 1000);
    const requestId = rid();
    const result = await expectKeyBoundToInput((variant) =>
      bench.promo<any>('mall', 'u1', 'redeem', { itemId: variant === 'same' ? 'mug' : 'cup', requestId, fulfillment: DELIVERY }),
    );
    expect(result).toMatchObject({ pointsSpent: 300, order: { mall: { itemId: 'mug' } } });
    expect(await bench.balance('u1')).toBe(700);
    expect(await bench.promo('mall', 'u1', 'redeem', { itemId: 'mug', requestId, fulfillment: OTHER_ADDRESS })).toMatchObject({
      ok: false,
      error: { code: REUSED },
    });
    expect(await bench.count('orders', { openid: 'u1' })).toBe(1);
  });

  const activity = async (): Promise<string> =>
    okOf(
      await call('groupbuy', OP, 'createActivity', {
        skuId: 'sku-tea-s',
        groupPrice: 1990,
        groupSize: 3,
        timeLimitMinutes: 60,
        perMemberLimit: 2,
        startAt: START - HOUR,
        endAt: START + 24 * HOUR,
      }),
    ).activityId;

  it('groupbuy.open: another activity or address is refused; the same input answers the first seat', async () => {
    const [a, b] = [await activity(), await activity()];
    const requestId = rid();
    const seat = await expectKeyBoundToInput((variant) =>
      call('groupbuy', 'u1', 'open', { activityId: variant === 'same' ? a : b, requestId, fulfillment: DELIVERY }),
    );
    expect(await call('groupbuy', 'u1', 'open', { activityId: a, requestId, fulfillment: OTHER_ADDRESS })).toMatchObject({ ok: false, error: { code: REUSED } });
    expect(await bench.count('groupbuy_groups', { leaderOpenid: 'u1' })).toBe(1);
    expect(await bench.count('orders', { openid: 'u1' })).toBe(1);
    expect(seat.orderId).toMatch(/^g/);
  });

  it('groupbuy.join: another address is refused; the same input answers the first seat', async () => {
    const activityId = await activity();
    const opened = okOf(await call('groupbuy', 'leader', 'open', { activityId, requestId: rid(), fulfillment: DELIVERY }));
    okOf(await bench.call('order', 'leader', 'pay', { orderId: opened.orderId }));
    expect((await bench.pay.deliverPaymentNotification(opened.orderId, 'SUCCESS', 1)).allAcknowledged).toBe(true);

    const requestId = rid();
    const seat = await expectKeyBoundToInput((variant) =>
      call('groupbuy', 'u2', 'join', { groupId: opened.groupId, requestId, fulfillment: variant === 'same' ? DELIVERY : OTHER_ADDRESS }),
    );
    expect(seat.groupId).toBe(opened.groupId);
    expect(await bench.doc('groupbuy_groups', opened.groupId)).toMatchObject({ reserved: 2 });
    expect(await bench.count('orders', { openid: 'u2' })).toBe(1);
  });

  it('flashsale.buy: another sale or fulfillment is refused (from the recent buys and from the record); the same input answers the first order', async () => {
    const sale = (over: Record<string, unknown> = {}) =>
      call('flashsale', OP, 'create', {
        skuId: 'sku-tea-s',
        salePrice: 900,
        quantity: 10,
        startAt: START,
        endAt: START + HOUR,
        perMemberLimit: 2,
        shards: 2,
        ...over,
      }).then(okOf);
    const [a, b] = [await sale(), await sale({ skuId: 'sku-tea-l' })];
    const requestId = rid();
    // Another fulfillment is answered from the member's recent buys of sale a, another sale from the idempotency record.
    const bought = await expectKeyBoundToInput((variant) =>
      call('flashsale', 'u1', 'buy', { saleId: a.saleId, requestId, fulfillment: variant === 'same' ? DELIVERY : OTHER_ADDRESS }),
    );
    expect(await call('flashsale', 'u1', 'buy', { saleId: b.saleId, requestId, fulfillment: DELIVERY })).toMatchObject({ ok: false, error: { code: REUSED } });
    expect(await bench.count('orders', { openid: 'u1' })).toBe(1);
    expect((await bench.order(bought.orderId)).flashSale).toMatchObject({ saleId: a.saleId });
    expect(await bench.count('flash_sale_members', { openid: 'u1' })).toBe(1);
  });

  it('points.adjust: another delta, reason or member is refused; the same input applies once', async () => {
    okOf(await call('member', 'u1', 'join', { nickname: '小思' }));
    okOf(await call('member', 'u2', 'join', { nickname: '小路' }));
    const balance = await bench.balance('u1');
    const requestId = rid();
    const input = { openid: 'u1', delta: 50, reason: '客服补偿', requestId };
    const answers = await Promise.all([1, 2, 3].map(() => call('points', OP, 'adjust', input)));
    expect(answers.map((a) => okOf(a).applied).filter(Boolean)).toHaveLength(1);
    for (const a of answers) expect(a).toMatchObject({ ok: true, data: { balance: balance + 50 } });

    const before = await everything();
    for (const other of [{ ...input, delta: 500 }, { ...input, reason: '活动奖励' }]) {
      expect(await call('points', OP, 'adjust', other)).toMatchObject({ ok: false, error: { code: REUSED } });
    }
    expect(await everything()).toEqual(before);
    expect(await call('points', OP, 'adjust', input)).toMatchObject({ ok: true, data: { applied: false, balance: balance + 50 } });
    // Keys are per member: the same requestId for another member is another key.
    expect(await call('points', OP, 'adjust', { ...input, openid: 'u2' })).toMatchObject({ ok: true, data: { applied: true } });
  });

  it('cart.add: another SKU or quantity is refused; the same input adds once', async () => {
    const requestId = rid();
    await expectKeyBoundToInput((variant) =>
      bench.call('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: variant === 'same' ? 1 : 3, requestId }),
    );
    expect(await bench.call('cart', 'u1', 'add', { skuId: 'sku-cake', quantity: 1, requestId })).toMatchObject({ ok: false, error: { code: REUSED } });
    const { data } = await bench.db.collection<any>('carts').doc('u1').get();
    expect(data[0].lines).toEqual([expect.objectContaining({ skuId: 'sku-tea-s', quantity: 1 })]);
    // An add without a requestId is never keyed.
    expect(await bench.call('cart', 'u1', 'add', { skuId: 'sku-tea-s', quantity: 1 })).toMatchObject({ ok: true });
  });

  it('withIdempotency: another fingerprint is refused without running; the same one answers the stored result', async () => {
    let runs = 0;
    const run = (input: object) =>
      withIdempotency(bench.db, 'pay:k1', HOUR, async () => ({ run: ++runs }), { fingerprint: inputFingerprint('pay', 'u1', input) });
    const answers = await Promise.allSettled([1, 2, 3].map(() => run({ amount: 100 })));
    expect(runs).toBe(1);
    for (const answer of answers) {
      if (answer.status === 'fulfilled') expect(answer.value).toEqual({ run: 1 });
      else expect(answer.reason).toMatchObject({ code: 'REQUEST_IN_PROGRESS' });
    }
    await expect(run({ amount: 100 })).resolves.toEqual({ run: 1 });
    const before = await everything();
    await expect(run({ amount: 200 })).rejects.toMatchObject({ code: REUSED });
    expect(runs).toBe(1);
    expect(await everything()).toEqual(before);
  });
});
