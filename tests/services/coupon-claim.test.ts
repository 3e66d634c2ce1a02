import { issueCouponInTx } from '../../src/server/services/promotion/coupons';
import { verifyCouponInStore } from '../../src/server/services/promotion/coupons';
import { DAY, rid, startPromotionBench, type PromotionBench } from './promotion-harness';

describe('coupon: claim center, my coupons, expiry, in-store verification', () => {
  let bench: PromotionBench;
  beforeEach(() => {
    bench = startPromotionBench();
  });
  afterEach(() => bench.close());

  const claim = (openid: string, templateId: string, requestId = rid()): Promise<any> => bench.promo<any>('coupon', openid, 'claim', { templateId, requestId });
  const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'OK' : result.error!.code);

  it('claims a coupon: snapshot of the rule, a relative window, a 12-digit code; listed and counted', async () => {
    await bench.putTemplate('t5', { totalQuantity: 10, perMemberLimit: 2 });
    const coupon = await bench.promoOk('coupon', 'u1', 'claim', { templateId: 't5', requestId: rid() });
    expect(coupon).toMatchObject({
      templateId: 't5',
      status: 'AVAILABLE',
      ruleLabel: '满50减5',
      rule: { kind: 'amount', amountOff: 500, threshold: 5000 },
      validFrom: bench.clock(),
      validUntil: bench.clock() + 7 * DAY,
      source: 'claim',
    });
    expect(coupon.code).toMatch(/^[1-9][0-9]{11}$/);

    expect((await bench.promoOk('coupon', 'u1', 'list', { status: 'AVAILABLE' })).items.map((c: any) => c.couponId)).toEqual([coupon.couponId]);
    expect(await bench.promoOk('coupon', 'u1', 'summary')).toEqual({ available: 1 });
    expect((await bench.promoOk('coupon', 'u2', 'list', {})).items).toEqual([]);
    expect(await bench.promo('coupon', 'u2', 'get', { couponId: coupon.couponId })).toMatchObject({ ok: false, error: { code: 'COUPON_NOT_FOUND' } });

    const center = await bench.promoOk('coupon', 'u1', 'templates');
    expect(center.items).toEqual([
      expect.objectContaining({ templateId: 't5', claimedByMe: 1, remaining: 9, soldOut: false, canClaim: true, perMemberLimit: 2 }),
    ]);
  });

  it('a repeated requestId answers the first coupon and claims once', async () => {
    await bench.putTemplate('t5', { totalQuantity: 10, perMemberLimit: 5 });
    const requestId = rid();
    const results = await Promise.all([1, 2, 3, 4].map(() => claim('u1', 't5', requestId)));
    const ids = new Set(results.map((r) => r.data.couponId));
    expect(ids.size).toBe(1);
    expect(await bench.count('coupons', { openid: 'u1' })).toBe(1);
    expect(await bench.doc('coupon_templates', 't5')).toMatchObject({ claimed: 1 });
  });

  it('50 members claiming a template with 5 left at once: exactly 5 coupons, the rest COUPON_SOLD_OUT', async () => {
    await bench.putTemplate('t5', { totalQuantity: 5, perMemberLimit: 1 });
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => claim(`m${i}`, 't5')));
    const codes = results.map(codeOf);
    expect(codes.filter((c) => c === 'OK')).toHaveLength(5);
    expect(codes.filter((c) => c === 'COUPON_SOLD_OUT')).toHaveLength(45);
    expect(await bench.count('coupons', { templateId: 't5' })).toBe(5);
    expect(await bench.doc('coupon_templates', 't5')).toMatchObject({ claimed: 5 });
    const center = await bench.promoOk('coupon', 'm0', 'templates');
    expect(center.items[0]).toMatchObject({ remaining: 0, soldOut: true, canClaim: false });
  });

  it('the per-member limit holds under concurrent claims with distinct requestIds', async () => {
    await bench.putTemplate('t5', { totalQuantity: 100, perMemberLimit: 2 });
    const results = await Promise.all(
      ['a', 'b', 'c'].flatMap((member) => Array.from({ length: 10 }, () => claim(member, 't5'))),
    );
    expect(results.map(codeOf).filter((c) => c === 'OK')).toHaveLength(6);
    expect(results.map(codeOf).filter((c) => c === 'COUPON_CLAIM_LIMIT')).toHaveLength(24);
    for (const member of ['a', 'b', 'c']) expect(await bench.count('coupons', { openid: member })).toBe(2);
    expect(await bench.doc('coupon_templates', 't5')).toMatchObject({ claimed: 6 });
  });

  it('refuses unknown, inactive, non-claimable and ended templates', async () => {
    await bench.putTemplate('off', { status: 'INACTIVE' });
    await bench.putTemplate('gift', { claimable: false });
    await bench.putTemplate('ended', { validity: { type: 'absolute', from: 0, until: bench.clock() } });
    expect(codeOf(await claim('u1', 'nope'))).toBe('COUPON_TEMPLATE_NOT_FOUND');
    expect(codeOf(await claim('u1', 'off'))).toBe('COUPON_NOT_CLAIMABLE');
    expect(codeOf(await claim('u1', 'gift'))).toBe('COUPON_NOT_CLAIMABLE');
    expect(codeOf(await claim('u1', 'ended'))).toBe('COUPON_NOT_CLAIMABLE');
    expect((await bench.promoOk('coupon', 'u1', 'templates')).items).toEqual([]);
    expect(await bench.count('coupons')).toBe(0);
  });

  it('an available coupon past its end lists as EXPIRED; the timer marks it', async () => {
    await bench.putTemplate('t5');
    const coupon = await bench.promoOk('coupon', 'u1', 'claim', { templateId: 't5', requestId: rid() });
    bench.clock.advance(7 * DAY);
    expect((await bench.promoOk('coupon', 'u1', 'list', { status: 'AVAILABLE' })).items).toEqual([]);
    expect((await bench.promoOk('coupon', 'u1', 'list', { status: 'EXPIRED' })).items).toEqual([
      expect.objectContaining({ couponId: coupon.couponId, status: 'EXPIRED', statusLabel: '已过期' }),
    ]);
    expect(await bench.promoOk('coupon', 'u1', 'summary')).toEqual({ available: 0 });
    expect(await bench.promoTimer('coupon', 'expireCoupons')).toMatchObject({ ok: true, data: { expired: 1 } });
    expect(await bench.doc('coupons', coupon.couponId)).toMatchObject({ status: 'EXPIRED' });
    expect(await bench.promoTimer('coupon', 'expireCoupons')).toMatchObject({ ok: true, data: { expired: 0 } });
    expect((await bench.promoOk('coupon', 'u1', 'list', { status: 'EXPIRED' })).items).toHaveLength(1);
    expect(await bench.promo('coupon', 'u1', 'expireCoupons')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('issueCouponInTx issues once per deterministic id; a missing template throws', async () => {
    await bench.putTemplate('tpl-join-10', { claimable: false, validity: { type: 'relative', days: 30 } });
    const issue = () =>
      bench.db.runTransaction((tx) => issueCouponInTx(tx, { couponId: 'join:u1', openid: 'u1', templateId: 'tpl-join-10', source: 'join' }, bench.clock()));
    expect(await issue()).toEqual({ issued: true });
    expect(await issue()).toEqual({ issued: false });
    expect(await bench.doc('coupons', 'join:u1')).toMatchObject({ openid: 'u1', source: 'join', status: 'AVAILABLE', validUntil: bench.clock() + 30 * DAY });
    expect(await bench.doc('coupon_templates', 'tpl-join-10')).toMatchObject({ claimed: 0 });
    await expect(
      bench.db.runTransaction((tx) => issueCouponInTx(tx, { couponId: 'join:u2', openid: 'u2', templateId: 'gone', source: 'join' }, bench.clock())),
    ).rejects.toMatchObject({ code: 'COUPON_TEMPLATE_NOT_FOUND' });
    expect(await bench.doc('coupons', 'join:u2')).toBeNull();
  });

  describe('in-store verification', () => {
    let code: string;
    let couponId: string;
    beforeEach(async () => {
      await bench.putTemplate('t5', { inStoreOnly: true });
      await bench.grantStaff('staff-a', ['store-a']);
      await bench.grantStaff('staff-b', ['store-b']);
      const coupon = await bench.promoOk('coupon', 'u1', 'claim', { templateId: 't5', requestId: rid() });
      ({ code, couponId } = coupon);
    });

    it('staff of the store verify it once; a repeat scan there answers verifiedNow false; elsewhere COUPON_USED', async () => {
      const scans: any[] = await Promise.all([1, 2, 3].map(() => bench.promo<any>('coupon', 'staff-a', 'verify', { code, storeId: 'store-a', amount: 5000 })));
      expect(scans.every((s) => s.ok)).toBe(true);
      expect(scans.filter((s) => s.data.verifiedNow)).toHaveLength(1);
      expect(await bench.doc('coupons', couponId)).toMatchObject({ status: 'USED', usedStoreId: 'store-a', verifiedBy: 'staff-a', usedAt: bench.clock() });
      expect(await bench.promo('coupon', 'staff-b', 'verify', { code, storeId: 'store-b', amount: 5000 })).toMatchObject({ ok: false, error: { code: 'COUPON_USED' } });
    });

    it('only staff of that store (FORBIDDEN), a real code (COUPON_NOT_FOUND), within the window (COUPON_EXPIRED)', async () => {
      expect(await bench.promo('coupon', 'staff-b', 'verify', { code, storeId: 'store-a', amount: 5000 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await bench.promo('coupon', 'u1', 'verify', { code, storeId: 'store-a', amount: 5000 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      await expect(verifyCouponInStore(bench.db, { couponCode: code, storeId: 'store-a', staffOpenid: 'u1', amount: 5000 }, bench.clock())).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await bench.promo('coupon', 'staff-a', 'verify', { code: '999999999999', storeId: 'store-a', amount: 5000 })).toMatchObject({
        ok: false,
        error: { code: 'COUPON_NOT_FOUND' },
      });
      bench.clock.advance(8 * DAY);
      expect(await bench.promo('coupon', 'staff-a', 'verify', { code, storeId: 'store-a', amount: 5000 })).toMatchObject({ ok: false, error: { code: 'COUPON_EXPIRED' } });
      expect(await bench.doc('coupons', couponId)).toMatchObject({ status: 'AVAILABLE' });
    });
  });
});
