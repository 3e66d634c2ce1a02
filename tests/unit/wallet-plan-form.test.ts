import { ApiError } from '../../src/api/errors';
import { planCouponLabel, planCouponSkip } from '../../src/core/wallet/plan-gifts';
import { planGiftsLabel } from '../../src/core/wallet/plans';
import { checkPlanForm, emptyPlanForm, planFormOf, serverFieldErrors, toggledPayload } from '../../src/packages/ops/wallet/plan-form';

const NOW = new Date(2026, 0, 10, 12, 0, 0).getTime();

describe('储值方案 form (ops/wallet/plan-form)', () => {
  it('names what is missing or wrong, in Chinese, per field', () => {
    expect(checkPlanForm(emptyPlanForm(), NOW)).toEqual({ errors: { pay: '请填写充值金额' }, payload: null });
    const { errors } = checkPlanForm({ ...emptyPlanForm(), pay: '0.5', gift: '-1', points: '100001', limit: '0', giftDays: '3651', validUntil: '2026-01-01 00:00:00' }, NOW);
    expect(errors).toEqual({
      pay: '充值金额应为 ¥1–¥50,000，最多两位小数',
      gift: '赠送金额应为 0 或正数，最多两位小数',
      points: '赠送积分应为 0–100000 的整数',
      limit: '每人限充应为 1–1000 次，留空为不限',
      giftDays: '赠送金有效期应为 1–3650 天，留空为永久',
      validUntil: '截止时间应晚于现在',
    });
    expect(checkPlanForm({ ...emptyPlanForm(), pay: '100', validUntil: '2026-02-30 10:00' }, NOW).errors).toEqual({ validUntil: '时间格式应为 2026-12-31 23:59:59' });
  });

  it('builds the savePlan payload; an empty title is generated', () => {
    const { payload } = checkPlanForm({ ...emptyPlanForm(), pay: '500', gift: '60', points: '200', coupon: 'tpl-1', limit: '3', giftDays: '365', validUntil: '2026-12-31 23:59:59' }, NOW);
    expect(payload).toEqual({
      title: '充500送60',
      payFen: 50000,
      giftFen: 6000,
      giftPoints: 200,
      giftCouponTemplateId: 'tpl-1',
      perMemberLimit: 3,
      validUntil: new Date(2026, 11, 31, 23, 59, 59).getTime(),
      giftValidDays: 365,
      active: true,
    });
    expect(checkPlanForm({ ...emptyPlanForm(), pay: '99.9' }, NOW).payload).toMatchObject({ title: '充99.90', giftFen: 0, giftPoints: 0, giftCouponTemplateId: null, perMemberLimit: null, validUntil: null });
  });

  it('edits a plan round-trip, keeps an end already past, and 停用 keeps every term', () => {
    const plan = { planId: 'wp-1', title: '充100送10', payFen: 10000, giftFen: 1000, perMemberLimit: null, validUntil: NOW - 1234, giftValidDays: 30, giftPoints: 50, giftCoupon: { templateId: 't', title: '满50减5', label: '满50减5券', available: false, statusLabel: '已停用' }, active: true, topUps: 3 };
    const { payload, errors } = checkPlanForm(planFormOf(plan), NOW, plan.validUntil);
    expect(errors).toEqual({});
    expect(payload).toEqual(toggledPayload(plan, true));
    expect(toggledPayload(plan, false)).toMatchObject({ planId: 'wp-1', giftPoints: 50, giftCouponTemplateId: 't', active: false });
  });

  it('maps server refusals to fields', () => {
    expect(serverFieldErrors(new ApiError('PLAN_COUPON_UNAVAILABLE', '所选赠送优惠券已停用'))).toEqual({ coupon: '所选赠送优惠券已停用' });
    expect(serverFieldErrors(new ApiError('INVALID_ARGUMENT', 'x', { fields: [{ path: 'giftPoints', message: '赠送积分不能为负数' }] }))).toEqual({ points: '赠送积分不能为负数' });
    expect(serverFieldErrors(new ApiError('FORBIDDEN', 'x'))).toBeNull();
  });
});

describe('plan gifts (core/wallet)', () => {
  it('labels the gifts and tells when a coupon template cannot give one', () => {
    expect(planGiftsLabel({ giftFen: 1000, giftPoints: 100, couponLabel: '满100减10券' })).toBe('赠 ¥10 · 100 积分 · 满100减10券');
    expect(planGiftsLabel({ giftFen: 0 })).toBeNull();
    expect(planCouponLabel({ title: 'x', rule: { kind: 'amount', amountOff: 1000, threshold: 10000 } })).toBe('满100减10券');
    expect(planCouponLabel({ title: '可颂赠品券', rule: { kind: 'freeItem', skuId: 's', threshold: 0 } })).toBe('可颂赠品券');
    const t = { status: 'ACTIVE' as const, validity: { type: 'relative' as const, days: 7 }, totalQuantity: 10, claimed: 9 };
    expect(planCouponSkip(t, NOW)).toBeNull();
    expect(planCouponSkip({ ...t, claimed: 10 }, NOW)).toBe('SOLD_OUT');
    expect(planCouponSkip({ ...t, status: 'INACTIVE' }, NOW)).toBe('TEMPLATE_STOPPED');
    expect(planCouponSkip({ ...t, validity: { type: 'absolute', from: 0, until: NOW } }, NOW)).toBe('TEMPLATE_ENDED');
    expect(planCouponSkip(null, NOW)).toBe('TEMPLATE_MISSING');
  });
});
