/**
 * At the counter (issue 9, items 12 and 13): the numeric member code staff
 * type, the 10-minute counter session a lookup opens, and coupons verified
 * against the purchase amount with their owner and rule shown.
 */
import { formatMemberNumericCode, luhnCheckDigit, MEMBER_CODE_PERIOD_MS, normaliseMemberNumericCode } from '../../src/core/member/code-format';
import { memberCodeWindowOf } from '../../src/core/member/code-format';
import { numericMemberCodeFor } from '../../src/server/services/member/code';
import { memberCodeSecret } from '../../src/server/services/member/code-secret';
import { rid, startPromotionBench, type PromotionBench } from './promotion-harness';
import { codeOf, functionCallers } from './function-callers';
import { seedTwoStores, STORE_A, STORE_B } from './staff-harness';

const { call, ok } = functionCallers('staff', 'member');

const STORE = STORE_A;
const OTHER_STORE = STORE_B;
const STAFF = 'staff-a';
const COLLEAGUE = 'staff-a2';
const CUSTOMER = 'u1';
const MINUTE = 60_000;

describe('staff at the counter: numeric member codes, counter sessions, coupons against the amount', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedTwoStores(bench);
    await bench.grantStaff(STAFF, [STORE, OTHER_STORE]);
    await bench.grantStaff(COLLEAGUE, [STORE]);
    await ok('member', CUSTOMER, 'join', { nickname: '小思', phone: '13812341234' });
    await ok('member', 'u2', 'join', { nickname: '阿二' });
  });
  afterEach(() => bench.close());

  const shownCode = (openid = CUSTOMER) => ok('member', openid, 'code');
  const scan = (code: string, staff = STAFF, storeId = STORE) => call('staff', staff, 'scan', { code, storeId });
  const purchase = (who: { sessionId?: string; memberCode?: string }, receiptNo: string, amount = 5_000, staff = STAFF, storeId = STORE) =>
    call('staff', staff, 'recordPurchase', { ...who, storeId, amount, receiptNo });

  describe('the numeric member code', () => {
    it('is shown with the QR, 18 digits with a check digit, the same all window, and unique to its member', async () => {
      const shown = await shownCode();
      expect(shown.numericCode).toMatch(/^8\d{17}$/);
      expect(luhnCheckDigit(shown.numericCode.slice(0, -1))).toBe(shown.numericCode.slice(-1));
      expect((await shownCode()).numericCode).toBe(shown.numericCode);
      expect((await shownCode('u2')).numericCode).not.toBe(shown.numericCode);
      bench.clock.advance(MEMBER_CODE_PERIOD_MS);
      expect((await shownCode()).numericCode).not.toBe(shown.numericCode);
    });

    it('never gives two members the same digits: taken digits move to the next derivation', async () => {
      const card = (await ok('member', CUSTOMER, 'card')).member;
      const secret = await memberCodeSecret(bench.db, bench.clock(), {});
      const window = memberCodeWindowOf(bench.clock());
      const taken = numericMemberCodeFor(secret, card.memberId, window, 0);
      await bench.db.collection('member_codes').doc('SOMEONE:0').set({ digits: taken, memberId: 'SOMEONE', window, updatedAt: bench.clock() });
      const shown = await shownCode();
      expect(shown.numericCode).toBe(numericMemberCodeFor(secret, card.memberId, window, 1));
      expect(await ok('staff', STAFF, 'scan', { code: shown.numericCode, storeId: STORE })).toMatchObject({ member: { memberId: card.memberId } });
    });

    it('typed as shown (grouped) is accepted by scan, lookupByCode and recordPurchase, as the QR is', async () => {
      const shown = await shownCode();
      const typed = formatMemberNumericCode(shown.numericCode);
      expect(typed).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{2}$/);
      const scanned = await scan(typed);
      expect(scanned).toMatchObject({ ok: true, data: { kind: 'member', member: { memberId: shown.memberId, nickname: '小思' } } });
      expect(await ok('member', STAFF, 'lookupByCode', { code: shown.numericCode })).toMatchObject({ memberId: shown.memberId });
      expect(await purchase({ memberCode: typed }, 'R-N1')).toMatchObject({ ok: true, data: { nickname: '小思', points: 50, duplicate: false } });
      expect((await scan(shown.code)).ok).toBe(true);
    });

    it('is refused once expired (two windows on), mistyped, or never issued', async () => {
      const shown = await shownCode();
      bench.clock.advance(MEMBER_CODE_PERIOD_MS);
      expect((await scan(shown.numericCode)).ok).toBe(true);
      bench.clock.advance(MEMBER_CODE_PERIOD_MS);
      expect(codeOf(await scan(shown.numericCode))).toBe('MEMBER_CODE_INVALID');
      expect(codeOf(await purchase({ memberCode: shown.numericCode }, 'R-late'))).toBe('MEMBER_CODE_INVALID');

      const fresh = (await shownCode()).numericCode;
      const lastDigit = Number(fresh.slice(-1));
      const mistyped = fresh.slice(0, -1) + String((lastDigit + 1) % 10);
      expect(normaliseMemberNumericCode(mistyped)).toBeNull();
      expect(codeOf(await scan(mistyped))).toBe('MEMBER_CODE_INVALID');
      const neverIssued = `8${'1'.repeat(16)}`;
      expect(codeOf(await scan(neverIssued + luhnCheckDigit(neverIssued)))).toBe('MEMBER_CODE_INVALID');
      expect(await bench.count('instore_receipts')).toBe(0);
    });
  });

  describe('the counter session', () => {
    it('lets the purchase be recorded for 10 minutes after the lookup, without a fresh code; then COUNTER_SESSION_EXPIRED', async () => {
      const shown = await shownCode();
      const scanned = await ok('staff', STAFF, 'scan', { code: shown.code, storeId: STORE });
      expect(scanned.session).toEqual({ sessionId: expect.stringMatching(/^cs_/), expiresAt: bench.clock() + 10 * MINUTE, ttlMs: 10 * MINUTE });
      const { sessionId } = scanned.session;

      bench.clock.advance(9 * MINUTE);
      expect(codeOf(await purchase({ memberCode: shown.code }, 'R-code'))).toBe('MEMBER_CODE_INVALID');
      expect(await purchase({ sessionId }, 'R-1', 12_850)).toMatchObject({ ok: true, data: { nickname: '小思', points: 128, duplicate: false } });

      bench.clock.advance(MINUTE);
      const late = await purchase({ sessionId }, 'R-2');
      expect(late).toMatchObject({ ok: false, error: { code: 'COUNTER_SESSION_EXPIRED', message: expect.stringContaining('会员码') } });
      expect(await bench.count('instore_receipts')).toBe(1);
      expect(await bench.count('staff_audit', { action: 'recordPurchase', result: 'COUNTER_SESSION_EXPIRED' })).toBe(1);
    });

    it('belongs to its staff member and store: a colleague or another store cannot use it', async () => {
      const { session } = await ok('staff', STAFF, 'scan', { code: (await shownCode()).code, storeId: STORE });
      expect(codeOf(await purchase({ sessionId: session.sessionId }, 'R-1', 5_000, COLLEAGUE))).toBe('COUNTER_SESSION_NOT_FOUND');
      expect(codeOf(await purchase({ sessionId: session.sessionId }, 'R-1', 5_000, STAFF, OTHER_STORE))).toBe('COUNTER_SESSION_NOT_FOUND');
      expect(codeOf(await purchase({ sessionId: 'cs_nothing' }, 'R-1'))).toBe('COUNTER_SESSION_NOT_FOUND');
      expect(await bench.count('instore_receipts')).toBe(0);
    });

    it('a re-scan of the same member keeps the session and moves its end on', async () => {
      const first = await ok('staff', STAFF, 'scan', { code: (await shownCode()).code, storeId: STORE });
      bench.clock.advance(8 * MINUTE);
      const again = await ok('staff', STAFF, 'scan', { code: (await shownCode()).numericCode, storeId: STORE });
      expect(again.session.sessionId).toBe(first.session.sessionId);
      expect(again.session.expiresAt).toBe(bench.clock() + 10 * MINUTE);
      bench.clock.advance(5 * MINUTE);
      expect((await purchase({ sessionId: again.session.sessionId }, 'R-1')).ok).toBe(true);
      const other = await ok('staff', STAFF, 'scan', { code: (await shownCode('u2')).code, storeId: STORE });
      expect(other.session.sessionId).not.toBe(first.session.sessionId);
    });

    it('still earns once per receipt, also concurrently and across session and code', async () => {
      const shown = await shownCode();
      const { session } = await ok('staff', STAFF, 'scan', { code: shown.code, storeId: STORE });
      const results = await Promise.all([
        ...Array.from({ length: 6 }, () => purchase({ sessionId: session.sessionId }, 'R-777', 5_000)),
        purchase({ memberCode: shown.numericCode }, 'R-777', 5_000),
      ]);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(results.filter((r) => r.ok && !r.data.duplicate)).toHaveLength(1);
      expect(await bench.balance(CUSTOMER)).toBe(150);
      expect(await bench.count('points_ledger', { kind: 'instore' })).toBe(1);
    });
  });

  describe('coupon verification against the purchase', () => {
    let coupon: { code: string; couponId: string };
    beforeEach(async () => {
      await bench.putTemplate('t99', { title: '门店满减券', rule: { kind: 'amount', amountOff: 1000, threshold: 9900 } });
      coupon = await bench.promoOk('coupon', CUSTOMER, 'claim', { templateId: 't99', requestId: rid() });
    });
    const verify = (amount: number, staff = STAFF) => call('staff', staff, 'verifyCoupon', { code: coupon.code, storeId: STORE, amount });

    it('the scan shows whose coupon it is (nickname, masked phone) and its rule and threshold', async () => {
      const scanned = await ok('staff', STAFF, 'scan', { code: coupon.code, storeId: STORE });
      expect(scanned).toMatchObject({
        kind: 'coupon',
        verifiable: true,
        threshold: 9900,
        owner: { nickname: '小思', maskedPhone: '138****1234' },
        coupon: { ruleLabel: '满99减10', title: '门店满减券' },
      });
      expect(JSON.stringify(scanned)).not.toContain('13812341234');
    });

    it('below the threshold: COUPON_THRESHOLD_NOT_MET, and the coupon stays unused', async () => {
      const refused = await verify(9899);
      expect(refused).toMatchObject({ ok: false, error: { code: 'COUPON_THRESHOLD_NOT_MET', details: { threshold: 9900, amount: 9899 } } });
      expect(await bench.doc('coupons', coupon.couponId)).toMatchObject({ status: 'AVAILABLE', usedAt: null, usedStoreId: null });
      expect(await bench.count('staff_audit', { action: 'verifyCoupon', result: 'COUPON_THRESHOLD_NOT_MET' })).toBe(1);
      expect(codeOf(await call('staff', STAFF, 'verifyCoupon', { code: coupon.code, storeId: STORE }))).toBe('INVALID_ARGUMENT');
    });

    it('at the threshold it is verified once under concurrency, with what it takes off', async () => {
      const results = await Promise.all([verify(9900), verify(9900), verify(12_000, COLLEAGUE), verify(9900, COLLEAGUE)]);
      expect(results.every((r) => r.ok)).toBe(true);
      const now = results.filter((r) => r.ok && r.data.verifiedNow);
      expect(now).toHaveLength(1);
      expect(now[0]).toMatchObject({ data: { discount: 1000, coupon: { status: 'USED' } } });
      expect(await bench.doc('coupons', coupon.couponId)).toMatchObject({ status: 'USED', usedStoreId: STORE });
      expect(await bench.count('staff_audit', { action: 'verifyCoupon', result: 'ok' })).toBe(1);
    });
  });
});
