/**
 * Top-up plans' points and coupon (储值方案赠积分、赠券, issue 14): saved and
 * shown by savePlan / plans / opsPlans, snapshotted on the top-up order,
 * given once in the payment notification's transaction; a coupon template
 * stopped by payment time is skipped and said so.
 */
import { promotionSeed } from '../../src/server/local/seed/promotions';
import { newRequestId } from './order-harness';
import { OPS, startWalletBench, type WalletBench } from './wallet-harness';

jest.setTimeout(120_000);

const GIFT_PLAN = 'plan-500';
const TEMPLATE = 'tpl-claim-5'; // 满50减5
const giftPlan = { planId: GIFT_PLAN, title: '充500送80', payFen: 50000, giftFen: 8000, giftPoints: 200, giftCouponTemplateId: TEMPLATE };

describe('stored value: plan gifts of points and a coupon', () => {
  let b: WalletBench;
  beforeEach(async () => {
    b = await startWalletBench();
    for (const { _id, ...doc } of promotionSeed(b.clock()).coupon_templates) await b.db.collection('coupon_templates').doc(_id as string).set(doc);
  });
  afterEach(() => b.close());

  const code = async (data: unknown) => {
    const answer = await b.w('wallet', OPS, 'savePlan', data);
    return answer.ok ? 'OK' : answer.error.code;
  };
  /** Points from top-up gifts (the join gift gives some too). */
  const pointsOf = async (openid: string) => {
    const { data } = await b.db.collection('points_ledger').where({ openid }).limit(100).get();
    return (data as unknown as Array<{ source: string; delta: number }>).filter((e) => e.source.startsWith('topup-gift:')).reduce((sum, e) => sum + e.delta, 0);
  };
  const topUpDoc = async (orderId: string) => (await b.db.collection('wallet_topups').doc(orderId).get()).data[0] as Record<string, any>;
  const giftCounts = async (openid: string, orderId: string) => ({
    points: await b.count('points_ledger', { openid, source: `topup-gift:${orderId}` }),
    coupons: await b.count('coupons', { openid, templateId: TEMPLATE }),
  });

  it('savePlan keeps the pinned contract, stores points and coupon, and the views show them', async () => {
    expect(await b.wOk('wallet', OPS, 'savePlan', { title: '充200', payFen: 20000, giftFen: 0, perMemberLimit: 2, validUntil: null })).toEqual({ planId: expect.any(String) });
    await b.wOk('wallet', OPS, 'savePlan', giftPlan);

    const plans = (await b.wOk('wallet', 'u1', 'plans', {})).items;
    expect(plans.find((p: any) => p.planId === GIFT_PLAN)).toEqual({
      planId: GIFT_PLAN,
      title: '充500送80',
      payFen: 50000,
      giftFen: 8000,
      perMemberLimit: null,
      validUntil: null,
      giftValidDays: null,
      giftPoints: 200,
      giftCoupon: { title: '满50减5', label: '满50减5券' },
    });
    const plain = plans.find((p: any) => p.title === '充200');
    expect(plain).not.toHaveProperty('giftPoints');
    expect(plain).not.toHaveProperty('giftCoupon');

    const ops = (await b.wOk('wallet', OPS, 'opsPlans', {})).items;
    expect(ops.find((p: any) => p.planId === GIFT_PLAN)).toMatchObject({
      giftPoints: 200,
      giftCoupon: { templateId: TEMPLATE, title: '满50减5', label: '满50减5券', available: true, statusLabel: '进行中' },
      active: true,
      topUps: 0,
    });
    expect(ops.find((p: any) => p.title === '充200')).toMatchObject({ giftPoints: 0, perMemberLimit: 2 });
    expect(ops.find((p: any) => p.title === '充200')).not.toHaveProperty('giftCoupon');
  });

  it('savePlan refuses an unknown or stopped coupon template and bad points, saving nothing', async () => {
    expect(await code({ ...giftPlan, giftCouponTemplateId: 'tpl-nope' })).toBe('PLAN_COUPON_NOT_FOUND');
    expect(await code({ ...giftPlan, giftPoints: -1 })).toBe('INVALID_ARGUMENT');
    expect(await code({ ...giftPlan, giftPoints: 100_001 })).toBe('INVALID_ARGUMENT');
    expect(await code({ ...giftPlan, giftPoints: 1.5 })).toBe('INVALID_ARGUMENT');
    await b.db.collection('coupon_templates').doc(TEMPLATE).update({ status: 'INACTIVE' });
    expect(await code(giftPlan)).toBe('PLAN_COUPON_UNAVAILABLE');
    expect(await b.count('wallet_plans', { _id: GIFT_PLAN })).toBe(0);
    const refused = await b.w('wallet', OPS, 'savePlan', { ...giftPlan, giftPoints: -5 });
    expect(!refused.ok && refused.error.details).toMatchObject({ fields: [{ path: 'giftPoints', message: '赠送积分不能为负数' }] });
  });

  it('a plan keeping a coupon stopped since can still be saved (deactivated), and customers are not promised that coupon', async () => {
    await b.wOk('wallet', OPS, 'savePlan', giftPlan);
    await b.db.collection('coupon_templates').doc(TEMPLATE).update({ status: 'INACTIVE' });
    const customer = (await b.wOk('wallet', 'u1', 'plans', {})).items.find((p: any) => p.planId === GIFT_PLAN);
    expect(customer).not.toHaveProperty('giftCoupon');
    expect(customer.giftPoints).toBe(200);
    expect((await b.wOk('wallet', OPS, 'opsPlans', {})).items.find((p: any) => p.planId === GIFT_PLAN).giftCoupon).toMatchObject({ available: false, statusLabel: '已停用' });
    expect(await code({ ...giftPlan, active: false })).toBe('OK');
    expect((await b.wOk('wallet', 'u1', 'plans', {})).items.map((p: any) => p.planId)).not.toContain(GIFT_PLAN);
  });

  it('a paid top-up gives the points and the coupon once; replayed and concurrent notifications give nothing again', async () => {
    await b.wOk('wallet', OPS, 'savePlan', giftPlan);
    await b.join('u1');
    const { orderId } = await b.wOk('wallet', 'u1', 'topUp', { planId: GIFT_PLAN, requestId: newRequestId() });
    expect((await b.order(orderId)).walletTopUp).toMatchObject({ giftPoints: 200, giftCouponTemplateId: TEMPLATE });
    await b.ok('order', 'u1', 'pay', { orderId });
    const first = await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 4, { concurrent: true });
    expect(first.allAcknowledged).toBe(true);

    expect(await b.balance('u1')).toMatchObject({ principalFen: 50000, giftFen: 8000 });
    expect(await pointsOf('u1')).toBe(200);
    expect(await giftCounts('u1', orderId)).toEqual({ points: 1, coupons: 1 });
    const coupon = (await b.db.collection('coupons').doc(`topup-gift:${orderId}`).get()).data[0] as Record<string, any>;
    expect(coupon).toMatchObject({ openid: 'u1', templateId: TEMPLATE, source: 'gift', status: 'AVAILABLE' });
    expect((await topUpDoc(orderId)).gifts).toEqual({ points: 200, couponTemplateId: TEMPLATE, couponId: `topup-gift:${orderId}`, couponSkipped: null });
    const entry = (await b.db.collection('points_ledger').where({ openid: 'u1', source: `topup-gift:${orderId}` }).get()).data[0] as Record<string, any>;
    expect(entry).toMatchObject({ kind: 'gift', delta: 200, note: '储值赠送积分', refId: orderId });

    // The notification again, one by one and all at once: nothing more.
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 2);
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 3, { concurrent: true });
    expect(await pointsOf('u1')).toBe(200);
    expect(await giftCounts('u1', orderId)).toEqual({ points: 1, coupons: 1 });
    expect(await b.balance('u1')).toMatchObject({ principalFen: 50000, giftFen: 8000 });

    // A second top-up with the plan gives its own gifts once more.
    const second = await b.topUp('u1', GIFT_PLAN);
    expect(await pointsOf('u1')).toBe(400);
    expect(await b.count('coupons', { openid: 'u1', templateId: TEMPLATE })).toBe(2);
    expect(await giftCounts('u1', second)).toEqual({ points: 1, coupons: 2 });
  });

  it('the order keeps the terms it was made with: a plan edited before payment changes nothing for it', async () => {
    await b.wOk('wallet', OPS, 'savePlan', giftPlan);
    await b.join('u1');
    const { orderId } = await b.wOk('wallet', 'u1', 'topUp', { planId: GIFT_PLAN, requestId: newRequestId() });
    await b.wOk('wallet', OPS, 'savePlan', { ...giftPlan, giftPoints: 0, giftCouponTemplateId: null });
    await b.ok('order', 'u1', 'pay', { orderId });
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    expect(await pointsOf('u1')).toBe(200);
    expect(await giftCounts('u1', orderId)).toEqual({ points: 1, coupons: 1 });
  });

  it('a coupon template stopped by payment time: the top-up and the points go through, the coupon is skipped and said so', async () => {
    await b.wOk('wallet', OPS, 'savePlan', giftPlan);
    await b.join('u1');
    const { orderId } = await b.wOk('wallet', 'u1', 'topUp', { planId: GIFT_PLAN, requestId: newRequestId() });
    await b.db.collection('coupon_templates').doc(TEMPLATE).update({ status: 'INACTIVE' });
    await b.ok('order', 'u1', 'pay', { orderId });
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 2, { concurrent: true });

    expect(await b.balance('u1')).toMatchObject({ principalFen: 50000, giftFen: 8000 });
    expect((await b.order(orderId)).status).toBe('COMPLETED');
    expect(await pointsOf('u1')).toBe(200);
    expect(await b.count('coupons', { openid: 'u1', templateId: TEMPLATE })).toBe(0);
    expect((await topUpDoc(orderId)).gifts).toEqual({ points: 200, couponTemplateId: TEMPLATE, couponId: null, couponSkipped: 'TEMPLATE_STOPPED' });
    const titles = (await b.entries('u1')).map((e) => e.title as string);
    expect(titles.length).toBe(2);
    for (const title of titles) expect(title).toMatch(/（赠券已停用，未发放）$/);
    expect(b.logs.some((l) => l.level === 'warn' && l.message.includes('wallet top-up coupon skipped'))).toBe(true);

    // Reactivated later, a replay still gives nothing: the skip was for good.
    await b.db.collection('coupon_templates').doc(TEMPLATE).update({ status: 'ACTIVE' });
    await b.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    expect(await b.count('coupons', { openid: 'u1', templateId: TEMPLATE })).toBe(0);
  });

  it('a sold-out template is skipped too; a plan without gifts writes no points and no coupon', async () => {
    await b.wOk('wallet', OPS, 'savePlan', giftPlan);
    await b.join('u1');
    await b.db.collection('coupon_templates').doc(TEMPLATE).update({ claimed: 1000 });
    const orderId = await b.topUp('u1', GIFT_PLAN);
    expect((await topUpDoc(orderId)).gifts).toMatchObject({ couponSkipped: 'SOLD_OUT', points: 200 });

    const plain = await b.topUp('u1'); // 充100送10
    expect((await b.order(plain)).walletTopUp).not.toHaveProperty('giftPoints');
    expect((await topUpDoc(plain)).gifts).toEqual({ points: 0, couponTemplateId: null, couponId: null, couponSkipped: null });
    expect(await b.count('points_ledger', { openid: 'u1', source: `topup-gift:${plain}` })).toBe(0);
    expect((await b.entries('u1')).filter((e) => e.refId === plain).map((e) => e.title)).toEqual([expect.stringMatching(/^订单 \S+$/), expect.stringMatching(/^订单 \S+$/)]);
  });
});
