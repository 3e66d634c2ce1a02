import { join } from 'path';
import { randomUUID } from 'crypto';
import type { Envelope } from '../../src/core/envelope';
import type { FunctionContext } from '../../src/server/kit/types';
import { grantCouponId } from '../../src/server/services/promotion/grant';
import { PICKUP, seedShop } from './order-harness';
import { DAY, rid, startPromotionBench, type PromotionBench } from './promotion-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const memberMain = (require(join(__dirname, '../../cloudfunctions/member/index.ts')) as { main: Main }).main;

const OP = 'op-1';

describe('coupon templates and grants (operators)', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedShop(bench.db);
    await bench.grantOperator(OP);
  });
  afterEach(() => bench.close());

  const op = (action: string, data: unknown) => bench.promo<any>('coupon', OP, action, data);
  const opOk = (action: string, data: unknown) => bench.promoOk('coupon', OP, action, data);
  const codeOf = (result: Envelope<unknown>) => (result.ok ? 'OK' : result.error.code);
  const member = async (openid: string, over: Record<string, unknown> = {}) =>
    bench.db.collection('members').doc(openid).set({
      openid,
      memberId: `M${openid}`,
      nickname: `会员${openid}`,
      phone: null,
      birthday: null,
      growth: 0,
      birthdayGiftYears: [],
      joinedAt: bench.clock(),
      updatedAt: bench.clock(),
      ...over,
    });
  const base = (over: Record<string, unknown> = {}) => ({
    title: '满50减5',
    description: '全场通用',
    rule: { kind: 'amount', amountOff: 500, threshold: 5000 },
    validity: { type: 'relative', days: 7 },
    totalQuantity: 100,
    perMemberLimit: 1,
    claimable: true,
    inStoreOnly: false,
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}): Promise<string> => (await opOk('saveTemplate', base(over))).templateId;
  const grant = (templateId: string, openids: string[], requestId = rid()) => op('grant', { templateId, openids, requestId });
  const audits = async (action: string) => (await bench.db.collection('staff_audit').where({ action }).get()).data as any[];

  it('creates, edits, stops and restarts a template; stopped: not claimable nor grantable, issued coupons stay valid', async () => {
    const templateId = await create();
    expect(await opOk('getTemplate', { templateId })).toMatchObject({
      title: '满50减5',
      ruleLabel: '满50减5',
      scopeLabel: '全场通用',
      status: 'ACTIVE',
      statusLabel: '进行中',
      issued: 0,
      remaining: 100,
    });
    const held = await bench.promoOk('coupon', 'u1', 'claim', { templateId, requestId: rid() });

    await opOk('saveTemplate', base({ templateId, title: '满60减6', rule: { kind: 'amount', amountOff: 600, threshold: 6000 } }));
    const list = await opOk('listTemplates', {});
    expect(list.items).toEqual([expect.objectContaining({ templateId, title: '满60减6', ruleLabel: '满60减6', issued: 1, claimed: 1, granted: 0 })]);

    const stopped = await opOk('setTemplateStatus', { templateId, status: 'INACTIVE' });
    expect(stopped).toMatchObject({ status: 'INACTIVE', statusLabel: '已停用' });
    expect(codeOf(await bench.promo('coupon', 'u2', 'claim', { templateId, requestId: rid() }))).toBe('COUPON_NOT_CLAIMABLE');
    await member('u2');
    expect(codeOf(await grant(templateId, ['u2']))).toBe('COUPON_TEMPLATE_STOPPED');
    expect((await bench.promoOk('coupon', 'u2', 'templates')).items).toEqual([]);
    expect(await bench.promoOk('coupon', 'u1', 'get', { couponId: held.couponId })).toMatchObject({ status: 'AVAILABLE' });

    await opOk('setTemplateStatus', { templateId, status: 'ACTIVE' });
    expect(codeOf(await bench.promo('coupon', 'u2', 'claim', { templateId, requestId: rid() }))).toBe('OK');

    expect((await audits('saveCouponTemplate')).map((a) => a.result)).toEqual(['ok', 'ok']);
    expect((await audits('setCouponTemplateStatus')).map((a) => [a.staffOpenid, a.storeId, a.target])).toEqual([
      [OP, '', templateId],
      [OP, '', templateId],
    ]);
  });

  it('an edit never changes coupons already issued (they keep the rule and title of their issue)', async () => {
    const templateId = await create({ perMemberLimit: 2 });
    const before = await bench.promoOk('coupon', 'u1', 'claim', { templateId, requestId: rid() });
    await opOk('saveTemplate', base({ templateId, title: '9折券', rule: { kind: 'percent', offBps: 1000, maxOff: 2000, threshold: 0 }, perMemberLimit: 2 }));
    const after = await bench.promoOk('coupon', 'u1', 'claim', { templateId, requestId: rid() });
    expect(await bench.promoOk('coupon', 'u1', 'get', { couponId: before.couponId })).toMatchObject({
      title: '满50减5',
      rule: { kind: 'amount', amountOff: 500, threshold: 5000 },
    });
    expect(after).toMatchObject({ title: '9折券', rule: { kind: 'percent', offBps: 1000, maxOff: 2000, threshold: 0 } });
    // The switched rule is replaced whole, not merged with the old one.
    expect((await bench.doc<any>('coupon_templates', templateId))!.rule).toEqual({ kind: 'percent', offBps: 1000, maxOff: 2000, threshold: 0 });
  });

  it('refuses broken rules with their own codes', async () => {
    const now = bench.clock();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ rule: { kind: 'percent', offBps: 0, maxOff: 1000, threshold: 0 } }, 'COUPON_PERCENT_INVALID'],
      [{ rule: { kind: 'percent', offBps: 9950, maxOff: 1000, threshold: 0 } }, 'COUPON_PERCENT_INVALID'],
      [{ rule: { kind: 'percent', offBps: 1000, maxOff: null, threshold: 0 } }, 'COUPON_CAP_INVALID'],
      [{ rule: { kind: 'percent', offBps: 1000, maxOff: 0, threshold: 0 } }, 'COUPON_CAP_INVALID'],
      [{ rule: { kind: 'amount', amountOff: 5000, threshold: 5000 } }, 'COUPON_AMOUNT_NOT_BELOW_THRESHOLD'],
      [{ rule: { kind: 'amount', amountOff: 0, threshold: 0 } }, 'COUPON_AMOUNT_INVALID'],
      [{ rule: { kind: 'freeItem', skuId: 'sku-none', threshold: 0 } }, 'COUPON_FREE_ITEM_NOT_FOUND'],
      [{ rule: { kind: 'amount', amountOff: 500, threshold: 0, productIds: ['p-none'] } }, 'COUPON_SCOPE_INVALID'],
      [{ validity: { type: 'absolute', from: now + DAY, until: now } }, 'COUPON_VALIDITY_INVALID'],
      [{ validity: { type: 'absolute', from: now - 2 * DAY, until: now - DAY } }, 'COUPON_VALIDITY_ENDED'],
      [{ validity: { type: 'relative', days: 0 } }, 'COUPON_VALIDITY_INVALID'],
      [{ perMemberLimit: 0 }, 'COUPON_LIMIT_INVALID'],
      [{ totalQuantity: 0 }, 'COUPON_QUANTITY_INVALID'],
      [{ title: '' }, 'INVALID_ARGUMENT'],
      [{ title: 'a\u202Eb' }, 'INVALID_ARGUMENT'],
      [{ title: '长'.repeat(31) }, 'INVALID_ARGUMENT'],
    ];
    for (const [over, code] of cases) expect([over, codeOf(await op('saveTemplate', base(over)))]).toEqual([over, code]);
    expect(await bench.count('coupon_templates')).toBe(0);

    const templateId = await create({ totalQuantity: 5, perMemberLimit: 1 });
    for (const m of ['a', 'b', 'c']) await bench.promoOk('coupon', m, 'claim', { templateId, requestId: rid() });
    const below = await op('saveTemplate', base({ templateId, totalQuantity: 2 }));
    expect(below).toMatchObject({ ok: false, error: { code: 'COUPON_QUANTITY_BELOW_ISSUED', details: { issues: [expect.objectContaining({ field: 'totalQuantity' })] } } });
    expect(codeOf(await op('saveTemplate', base({ templateId, totalQuantity: 3 })))).toBe('OK');
    expect(codeOf(await op('saveTemplate', base({ templateId: 'nope' })))).toBe('COUPON_TEMPLATE_NOT_FOUND');
    expect((await audits('saveCouponTemplate')).map((a) => a.result)).toContain('COUPON_QUANTITY_BELOW_ISSUED');
  });

  it('every operator action is FORBIDDEN to customers and staff', async () => {
    const templateId = await create();
    await bench.grantStaff('staff-1', ['store-demo']);
    const calls: Array<[string, unknown]> = [
      ['listTemplates', {}],
      ['getTemplate', { templateId }],
      ['saveTemplate', base()],
      ['setTemplateStatus', { templateId, status: 'INACTIVE' }],
      ['grant', { templateId, openids: ['u1'], requestId: rid() }],
    ];
    for (const who of ['u1', 'staff-1']) {
      for (const [action, data] of calls) expect([who, action, codeOf(await bench.promo('coupon', who, action, data))]).toEqual([who, action, 'FORBIDDEN']);
      const search = (await memberMain({ action: 'searchMembers', data: { query: '138' } }, context(who))) as Envelope<unknown>;
      expect(codeOf(search)).toBe('FORBIDDEN');
    }
    expect(await bench.doc('coupon_templates', templateId)).toMatchObject({ status: 'ACTIVE' });
  });

  it('grant: concurrent repeats of one request give each member one coupon and answer the same', async () => {
    const templateId = await create({ claimable: false, totalQuantity: null, perMemberLimit: 3 });
    const openids = Array.from({ length: 45 }, (_, i) => `m${i}`);
    for (const m of openids) await member(m);
    const requestId = rid();
    const results = await Promise.all([1, 2, 3].map(() => grant(templateId, openids, requestId)));
    for (const r of results) expect(r).toEqual({ ok: true, data: { granted: 45, skipped: [] } });
    expect(await bench.count('coupons', { templateId })).toBe(45);
    for (const m of ['m0', 'm44']) {
      expect(await bench.count('coupons', { openid: m })).toBe(1);
      expect(await bench.doc('coupons', grantCouponId(requestId, templateId, m))).toMatchObject({ openid: m, source: 'grant', status: 'AVAILABLE' });
    }
    expect(await bench.doc('coupon_templates', templateId)).toMatchObject({ claimed: 45, granted: 45 });
    // The same members in another order are the same grant; a later repeat answers the first result.
    expect(await grant(templateId, [...openids].reverse(), requestId)).toEqual({ ok: true, data: { granted: 45, skipped: [] } });
    expect(await audits('grantCoupon')).toEqual([expect.objectContaining({ staffOpenid: OP, target: templateId, result: 'ok' })]);
    // A new request grants again, within the per-member limit.
    expect(((await grant(templateId, ['m0'])) as any).data).toEqual({ granted: 1, skipped: [] });
    expect(await bench.count('coupons', { openid: 'm0' })).toBe(2);
  });

  it('grant: the same requestId with other members is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const templateId = await create();
    for (const m of ['a', 'b', 'c']) await member(m);
    const requestId = rid();
    expect(((await grant(templateId, ['a', 'b'], requestId)) as any).data).toEqual({ granted: 2, skipped: [] });
    expect(codeOf(await grant(templateId, ['a', 'c'], requestId))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(codeOf(await grant(templateId, ['a', 'b', 'c'], requestId))).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await bench.count('coupons', { openid: 'c' })).toBe(0);
  });

  it('grant: the per-member limit (claims and grants together), the total, and unknown members are skipped, never crash', async () => {
    const templateId = await create({ totalQuantity: 4, perMemberLimit: 1 });
    for (const m of ['a', 'b', 'c', 'd', 'e']) await member(m);
    await bench.promoOk('coupon', 'a', 'claim', { templateId, requestId: rid() });

    const result = await grant(templateId, ['a', 'ghost', 'b', 'c', 'd', 'e']);
    expect(result).toEqual({
      ok: true,
      data: {
        granted: 3,
        skipped: expect.arrayContaining([
          { openid: 'a', reason: 'COUPON_CLAIM_LIMIT' },
          { openid: 'ghost', reason: 'NOT_A_MEMBER' },
          { openid: 'e', reason: 'COUPON_SOLD_OUT' },
        ]),
      },
    });
    expect((result as any).data.skipped).toHaveLength(3);
    expect(await bench.count('coupons', { templateId })).toBe(4);
    expect(await bench.doc('coupon_templates', templateId)).toMatchObject({ claimed: 4, granted: 3 });
    expect(codeOf(await bench.promo('coupon', 'x', 'claim', { templateId, requestId: rid() }))).toBe('COUPON_SOLD_OUT');
    expect((await opOk('getTemplate', { templateId })).remaining).toBe(0);
  });

  it('member.searchMembers finds members by phone or nickname prefix, paged, with a masked phone and tier', async () => {
    await member('p1', { nickname: '小思', phone: '13800000001', growth: 0 });
    await member('p2', { nickname: '小明', phone: '13800000002' });
    await member('p3', { nickname: '大白', phone: '13900000003' });
    const search = async (data: unknown) => {
      const envelope = (await memberMain({ action: 'searchMembers', data }, context(OP))) as Envelope<any>;
      if (!envelope.ok) throw new Error(JSON.stringify(envelope.error));
      return envelope.data;
    };
    const byPhone = await search({ query: '138' });
    expect(byPhone.items.map((m: any) => m.openid)).toEqual(['p1', 'p2']);
    expect(byPhone.items[0]).toEqual({ openid: 'p1', nickname: '小思', phone: '138****0001', tierName: expect.any(String) });
    expect((await search({ query: '13900000003' })).items.map((m: any) => m.openid)).toEqual(['p3']);
    expect((await search({ query: '小' })).items.map((m: any) => m.nickname).sort()).toEqual(['小思', '小明'].sort());
    const first = await search({ query: '小', pageSize: 1 });
    expect(first).toMatchObject({ page: 0, hasMore: true });
    expect((await search({ query: '小', pageSize: 1, page: 1 })).hasMore).toBe(false);
    expect((await search({ query: '无此人' })).items).toEqual([]);
  });

  it('a coupon scoped to products applies at checkout only to those products', async () => {
    const templateId = await create({ rule: { kind: 'amount', amountOff: 1000, threshold: 2000, productIds: ['p-tea'] }, perMemberLimit: 5 });
    expect((await opOk('getTemplate', { templateId })).scopeLabel).toBe('指定商品可用');
    const coupon = await bench.promoOk('coupon', 'u1', 'claim', { templateId, requestId: rid() });
    const quote = (items: unknown) => bench.call<any>('order', 'u1', 'quote', { items, fulfillment: PICKUP, couponId: coupon.couponId });
    const cake = await quote([{ skuId: 'sku-cake', quantity: 1 }]);
    expect(cake).toMatchObject({ ok: false, error: { code: 'COUPON_NOT_APPLICABLE', details: { reason: 'NOT_IN_SCOPE' } } });
    const tea = await quote([{ skuId: 'sku-cake', quantity: 1 }, { skuId: 'sku-tea-s', quantity: 1 }]);
    expect(tea).toMatchObject({ ok: true, data: { coupon: { couponId: coupon.couponId, discount: 1000 } } });
    const create_ = await bench.call<any>('order', 'u1', 'create', {
      items: [{ skuId: 'sku-tea-s', quantity: 1 }],
      fulfillment: PICKUP,
      couponId: coupon.couponId,
      requestId: rid(),
      source: 'buyNow',
    });
    expect(create_).toMatchObject({ ok: true, data: { amounts: { couponDiscount: 1000 } } });
  });
});

function context(openid: string): FunctionContext {
  return { request_id: randomUUID(), environ: `WX_OPENID=${openid};WX_APPID=wxtest` };
}
