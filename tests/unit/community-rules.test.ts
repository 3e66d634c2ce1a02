/** Issue 13, part 3: the community group-buy's pure rules (leader states, cut-off, pickup day, point order, statements). */
import { activityClosedReason, activityUnitPrice, isActivityOpen, pickupDateLabel, pickupDateOf } from '../../src/core/community/activity';
import { LEADER_EVENTS, LEADER_STATUSES, leaderTakesOrders, nextLeaderStatus, transitionLeader } from '../../src/core/community/leader';
import { preselectPoint, sortPoints } from '../../src/core/community/points';
import { monthIsOver, statementTotals } from '../../src/core/community/statement';
import { PlaceCommunityOrderInput, ReviewLeaderInput, SaveActivityInput, ApplyLeaderInput } from '../../src/core/contracts/community';

describe('leader state machine', () => {
  it('goes applied → approved | rejected, approved ↔ suspended, rejected → applied', () => {
    expect(nextLeaderStatus('APPLIED', 'approve')).toBe('APPROVED');
    expect(nextLeaderStatus('APPLIED', 'reject')).toBe('REJECTED');
    expect(nextLeaderStatus('APPROVED', 'suspend')).toBe('SUSPENDED');
    expect(nextLeaderStatus('SUSPENDED', 'resume')).toBe('APPROVED');
    expect(nextLeaderStatus('REJECTED', 'reapply')).toBe('APPLIED');
  });

  it('refuses everything else with LEADER_STATE_INVALID', () => {
    const allowed = new Set(['APPLIED:approve', 'APPLIED:reject', 'APPROVED:suspend', 'SUSPENDED:resume', 'REJECTED:reapply']);
    for (const status of LEADER_STATUSES) {
      for (const event of LEADER_EVENTS) {
        if (allowed.has(`${status}:${event}`)) continue;
        expect(nextLeaderStatus(status, event)).toBeNull();
        expect(() => transitionLeader(status, event)).toThrow(expect.objectContaining({ code: 'LEADER_STATE_INVALID' }));
      }
    }
  });

  it('only an approved leader takes orders', () => {
    expect(LEADER_STATUSES.filter(leaderTakesOrders)).toEqual(['APPROVED']);
  });
});

describe('activity window and pickup day', () => {
  const startAt = Date.parse('2026-12-01T08:00:00+08:00');
  const cutoffAt = Date.parse('2026-12-02T20:00:00+08:00');
  const activity = { status: 'OPEN' as const, startAt, cutoffAt };

  it('takes orders from the start until (not at) the cut-off', () => {
    expect(activityClosedReason(activity, startAt - 1)).toBe('NOT_STARTED');
    expect(isActivityOpen(activity, startAt)).toBe(true);
    expect(isActivityOpen(activity, cutoffAt - 1)).toBe(true);
    expect(activityClosedReason(activity, cutoffAt)).toBe('CUT_OFF');
    expect(activityClosedReason({ ...activity, status: 'CLOSED' }, startAt + 1)).toBe('CLOSED');
  });

  it('picks up the next Shanghai day after the cut-off, also across midnight UTC', () => {
    expect(pickupDateOf(cutoffAt)).toBe('2026-12-03');
    // 23:30 Shanghai is 15:30 UTC the same day; 00:30 Shanghai is still the previous UTC day.
    expect(pickupDateOf(Date.parse('2026-12-31T23:30:00+08:00'))).toBe('2027-01-01');
    expect(pickupDateOf(Date.parse('2026-12-03T00:30:00+08:00'))).toBe('2026-12-04');
    expect(pickupDateLabel('2026-12-03')).toBe('12 月 3 日（周四）');
  });

  it('prices a unit at the activity price, else the SKU price; null outside the activity', () => {
    const items = [
      { skuId: 'a', productId: 'p', productName: '', skuName: '', image: null, price: 990 },
      { skuId: 'b', productId: 'p', productName: '', skuName: '', image: null, price: null },
    ];
    expect(activityUnitPrice(items, 'a', 1500)).toBe(990);
    expect(activityUnitPrice(items, 'b', 1500)).toBe(1500);
    expect(activityUnitPrice(items, 'c', 1500)).toBeNull();
  });
});

describe('pickup point order', () => {
  const points = [
    { leaderId: 'far', location: { latitude: 31.3, longitude: 121.5 } },
    { leaderId: 'none', location: null },
    { leaderId: 'near', location: { latitude: 31.2305, longitude: 121.4738 } },
  ];
  const here = { latitude: 31.23, longitude: 121.4737 };

  it('is nearest first when located, points without a position last', () => {
    const sorted = sortPoints(points, here, 'far');
    expect(sorted.map((p) => p.point.leaderId)).toEqual(['near', 'far', 'none']);
    expect(sorted[0].distance).toBeLessThan(100);
    expect(preselectPoint(sorted, 'far', true)?.leaderId).toBe('near');
  });

  it('puts and preselects the last point first when not located', () => {
    const sorted = sortPoints(points, null, 'far');
    expect(sorted.map((p) => p.point.leaderId)).toEqual(['far', 'none', 'near']);
    expect(sorted.every((p) => p.distance === null)).toBe(true);
    expect(preselectPoint(sorted, 'far', false)?.leaderId).toBe('far');
    expect(preselectPoint(sortPoints(points, null, 'gone'), 'gone', false)?.leaderId).toBe('far');
    expect(preselectPoint([], null, false)).toBeNull();
  });
});

describe('monthly statement', () => {
  it('sums accruals and reversals of the ledger entries', () => {
    const totals = statementTotals([
      { type: 'accrue', amountFen: 300, orderId: 'o1' },
      { type: 'accrue', amountFen: 150, orderId: 'o2' },
      { type: 'reverse', amountFen: -100, orderId: 'o1' },
    ]);
    expect(totals).toEqual({ accruedFen: 450, reversedFen: 100, netFen: 350, entries: 3, orders: 2 });
  });

  it('a month is over at 00:00 Shanghai of the next month', () => {
    expect(monthIsOver('2026-11', Date.parse('2026-12-01T00:00:00+08:00') - 1)).toBe(false);
    expect(monthIsOver('2026-11', Date.parse('2026-12-01T00:00:00+08:00'))).toBe(true);
  });
});

describe('contracts', () => {
  const point = { name: '阳光小区 3 号楼', address: '上海市徐汇区 1 号', hours: { open: '08:00', close: '21:00' }, location: { latitude: 31.2, longitude: 121.4 }, phone: '13800001111' };

  it('takes a leader application with a valid point', () => {
    expect(ApplyLeaderInput.safeParse({ realName: '王阿姨', point }).success).toBe(true);
    expect(ApplyLeaderInput.safeParse({ realName: '王阿姨', point: { ...point, phone: 'abc' } }).success).toBe(false);
    expect(ApplyLeaderInput.safeParse({ realName: '王阿姨', point: { ...point, hours: { open: '22:00', close: '08:00' } } }).success).toBe(false);
  });

  it('needs a reason to reject or suspend', () => {
    expect(ReviewLeaderInput.safeParse({ leaderId: 'ld_1', event: 'reject' }).success).toBe(false);
    expect(ReviewLeaderInput.safeParse({ leaderId: 'ld_1', event: 'reject', reason: '地址不清' }).success).toBe(true);
    expect(ReviewLeaderInput.safeParse({ leaderId: 'ld_1', event: 'approve' }).success).toBe(true);
  });

  it('checks an activity: cut-off after start, no repeated SKU, rate ≤ 100%', () => {
    const base = { title: '周末团', items: [{ skuId: 'a', price: 990 }], startAt: Date.UTC(2026, 0, 1), cutoffAt: Date.UTC(2026, 0, 2), commissionBps: 800 };
    expect(SaveActivityInput.safeParse(base).success).toBe(true);
    expect(SaveActivityInput.safeParse({ ...base, cutoffAt: base.startAt }).success).toBe(false);
    expect(SaveActivityInput.safeParse({ ...base, items: [{ skuId: 'a' }, { skuId: 'a' }] }).success).toBe(false);
    expect(SaveActivityInput.safeParse({ ...base, commissionBps: 10_001 }).success).toBe(false);
  });

  it('an order names the activity, leader and a request id', () => {
    expect(PlaceCommunityOrderInput.safeParse({ activityId: 'ca_1', leaderId: 'ld_1', items: [{ skuId: 'a', quantity: 1 }], requestId: 'req-12345678' }).success).toBe(true);
    expect(PlaceCommunityOrderInput.safeParse({ activityId: 'ca_1', leaderId: 'ld_1', items: [], requestId: 'req-12345678' }).success).toBe(false);
  });
});

describe('forms', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const apply = require('../../src/packages/community/leader-apply/form') as typeof import('../../src/packages/community/leader-apply/form');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const activity = require('../../src/packages/ops/community-activity-form/form') as typeof import('../../src/packages/ops/community-activity-form/form');

  it('the application form says what each field lacks and sends what the contract takes', () => {
    expect(Object.keys(apply.applyErrors(apply.EMPTY_FORM)).sort()).toEqual(['address', 'location', 'name', 'phone', 'realName']);
    const form = { ...apply.EMPTY_FORM, realName: '王秀兰', name: '枫林小区', address: '枫林路 300 弄', phone: '13912345678', latitude: '31.1955', longitude: '121.4375' };
    expect(apply.applyErrors(form)).toEqual({});
    expect(apply.applyErrors({ ...form, open: '22:00', close: '08:00' })).toHaveProperty('hours');
    expect(ApplyLeaderInput.safeParse(apply.applyInput(form)).success).toBe(true);
  });

  it('the activity form reads the rate in percent and prices in yuan', () => {
    expect(activity.parseRate('8')).toBe(800);
    expect(activity.parseRate('8.5')).toBe(850);
    expect(activity.parseRate('100.01')).toBeNull();
    expect(activity.parseRate('abc')).toBeNull();
    const form = { ...activity.emptyForm(Date.UTC(2026, 0, 1)), title: '周末团', items: [{ skuId: 'a', productName: '可颂', skuName: '单个', skuPrice: 1200, priceText: '13' }] };
    expect(activity.activityErrors(form).items).toBe('「可颂」的团购价不能高于售价');
    const ok = { ...form, items: [{ ...form.items[0], priceText: '9.9' }] };
    expect(activity.activityErrors(ok)).toEqual({});
    expect(SaveActivityInput.safeParse(activity.saveInput(ok, null, 'req-12345678')).success).toBe(true);
    expect(activity.saveInput(ok, null, 'req-12345678').items).toEqual([{ skuId: 'a', price: 990 }]);
  });
});
