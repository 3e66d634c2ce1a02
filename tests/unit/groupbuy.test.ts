import {
  activityIssues,
  activityPhase,
  decidePayment,
  expiryEvent,
  groupBuyAllowsFulfilment,
  groupBuyOrderDoc,
  groupDeadline,
  groupMemberViews,
  leaderPriceOf,
  nextGroupState,
  nextSeatState,
  seatsLeft,
  type ActivityTerms,
  type GroupDoc,
  type PaymentFacts,
} from '../../src/core/groupbuy';
import { GROUP_STATES } from '../../src/core/contracts/groupbuy';
import { CreateActivityInput, JoinGroupInput } from '../../src/core/contracts/groupbuy';

const NOW = Date.UTC(2025, 0, 6, 2, 0, 0);
const HOUR = 60 * 60 * 1000;

const terms = (over: Partial<ActivityTerms> = {}): ActivityTerms => ({
  groupPrice: 1990,
  groupSize: 3,
  timeLimitMinutes: 24 * 60,
  perMemberLimit: 1,
  leaderDiscount: null,
  virtualCompletion: false,
  startAt: NOW,
  endAt: NOW + 7 * 24 * HOUR,
  title: '',
  ...over,
});

describe('activity validation', () => {
  const SKU_PRICE = 2900;
  const fields = (over: Partial<ActivityTerms>) => activityIssues(terms(over), SKU_PRICE, NOW).map((i) => i.field);

  it('accepts valid terms, boundaries included', () => {
    expect(fields({})).toEqual([]);
    expect(fields({ groupSize: 2, timeLimitMinutes: 10, groupPrice: 1 })).toEqual([]);
    expect(fields({ groupSize: 10, timeLimitMinutes: 72 * 60, groupPrice: 2899, perMemberLimit: 99 })).toEqual([]);
    expect(fields({ leaderDiscount: { type: 'fen', amount: 1989 } })).toEqual([]);
    expect(fields({ leaderDiscount: { type: 'bps', bps: 9999 } })).toEqual([]);
  });

  it.each<[string, Partial<ActivityTerms>, string]>([
    ['group price 0', { groupPrice: 0 }, 'groupPrice'],
    ['group price negative', { groupPrice: -1 }, 'groupPrice'],
    ['group price fractional', { groupPrice: 19.9 }, 'groupPrice'],
    ['group price equal to SKU price', { groupPrice: 2900 }, 'groupPrice'],
    ['group price above SKU price', { groupPrice: 3000 }, 'groupPrice'],
    ['size 1', { groupSize: 1 }, 'groupSize'],
    ['size 11', { groupSize: 11 }, 'groupSize'],
    ['time limit 9 minutes', { timeLimitMinutes: 9 }, 'timeLimitMinutes'],
    ['time limit 72 h + 1 min', { timeLimitMinutes: 72 * 60 + 1 }, 'timeLimitMinutes'],
    ['per-member limit 0', { perMemberLimit: 0 }, 'perMemberLimit'],
    ['start equal to end', { startAt: NOW + HOUR, endAt: NOW + HOUR }, 'endAt'],
    ['start after end', { startAt: NOW + 2 * HOUR, endAt: NOW + HOUR }, 'endAt'],
    ['end in the past', { startAt: NOW - 2 * HOUR, endAt: NOW - HOUR }, 'endAt'],
    ['leader discount of the whole group price', { leaderDiscount: { type: 'fen', amount: 1990 } }, 'leaderDiscount'],
    ['leader discount of 0 fen', { leaderDiscount: { type: 'fen', amount: 0 } }, 'leaderDiscount'],
    ['leader discount of 100%', { leaderDiscount: { type: 'bps', bps: 10000 } }, 'leaderDiscount'],
    ['leader discount of 0 bps', { leaderDiscount: { type: 'bps', bps: 0 } }, 'leaderDiscount'],
  ])('refuses %s', (_name, over, field) => {
    expect(fields(over)).toEqual([field]);
  });

  it('reports every issue at once', () => {
    expect(fields({ groupPrice: 0, groupSize: 1, timeLimitMinutes: 5, perMemberLimit: 0, endAt: NOW })).toEqual([
      'groupPrice',
      'groupSize',
      'timeLimitMinutes',
      'perMemberLimit',
      'endAt',
    ]);
  });

  it('the contract checks types and plausible times, the service the ranges', () => {
    const input = { skuId: 's', groupPrice: 1, groupSize: 99, timeLimitMinutes: 1, perMemberLimit: 0, startAt: NOW + HOUR, endAt: NOW };
    expect(CreateActivityInput.safeParse(input).success).toBe(true);
    expect(CreateActivityInput.safeParse({ ...input, startAt: 1 }).success).toBe(false);
    expect(CreateActivityInput.safeParse({ ...input, groupPrice: '1' }).success).toBe(false);
    expect(JoinGroupInput.safeParse({ groupId: 'g', requestId: 'short', fulfillment: { type: 'delivery' } }).success).toBe(false);
  });
});

describe('leader price', () => {
  it.each<[number, Parameters<typeof leaderPriceOf>[1], number]>([
    [1990, null, 1990],
    [1990, { type: 'fen', amount: 500 }, 1490],
    [1990, { type: 'bps', bps: 1000 }, 1791], // 199 fen off, rounded down
    [1990, { type: 'bps', bps: 9999 }, 1],
    [1990, { type: 'fen', amount: 5000 }, 1], // never below 1 fen even if validation was bypassed
  ])('group price %i with %j → %i', (price, discount, expected) => {
    expect(leaderPriceOf(price, discount)).toBe(expected);
  });
});

describe('group state machine', () => {
  const table: Array<[(typeof GROUP_STATES)[number], Parameters<typeof nextGroupState>[1], string | null]> = [
    ['PENDING', 'leaderPaid', 'OPEN'],
    ['PENDING', 'abandon', 'CANCELLED'],
    ['PENDING', 'fill', null],
    ['PENDING', 'expire', null],
    ['OPEN', 'fill', 'SUCCEEDED'],
    ['OPEN', 'expire', 'FAILED'],
    ['OPEN', 'completeVirtually', 'SUCCEEDED_VIRTUAL'],
    ['OPEN', 'leaderPaid', null],
    ['OPEN', 'abandon', null],
    ['SUCCEEDED', 'expire', null],
    ['SUCCEEDED', 'fill', null],
    ['FAILED', 'fill', null],
    ['FAILED', 'expire', null],
    ['SUCCEEDED_VIRTUAL', 'expire', null],
    ['CANCELLED', 'leaderPaid', null],
  ];
  it.each(table)('%s --%s--> %s', (state, event, next) => {
    expect(nextGroupState(state, event)).toBe(next);
  });

  it('seats: RESERVED → PAID | RELEASED, PAID → REFUNDED, nothing else', () => {
    expect(nextSeatState('RESERVED', 'pay')).toBe('PAID');
    expect(nextSeatState('RESERVED', 'release')).toBe('RELEASED');
    expect(nextSeatState('PAID', 'refund')).toBe('REFUNDED');
    expect(nextSeatState('PAID', 'release')).toBeNull();
    expect(nextSeatState('RELEASED', 'pay')).toBeNull();
    expect(nextSeatState('RELEASED', 'release')).toBeNull();
    expect(nextSeatState('REFUNDED', 'refund')).toBeNull();
    expect(nextSeatState('RESERVED', 'refund')).toBeNull();
  });

  it('expiry completes virtually only when the activity allows', () => {
    expect(expiryEvent({ virtualCompletion: true })).toBe('completeVirtually');
    expect(expiryEvent({ virtualCompletion: false })).toBe('expire');
  });

  it('activity phases', () => {
    const a = { startAt: NOW, endAt: NOW + HOUR, stoppedAt: null };
    expect(activityPhase(a, NOW - 1)).toBe('SCHEDULED');
    expect(activityPhase(a, NOW)).toBe('ACTIVE');
    expect(activityPhase(a, NOW + HOUR - 1)).toBe('ACTIVE');
    expect(activityPhase(a, NOW + HOUR)).toBe('ENDED');
    expect(activityPhase({ ...a, stoppedAt: NOW + 1 }, NOW + 2)).toBe('STOPPED');
  });

  it('a group’s deadline is its time limit from the leader’s payment, cut at the activity’s end', () => {
    expect(groupDeadline(NOW, 60, NOW + 10 * HOUR)).toBe(NOW + HOUR);
    expect(groupDeadline(NOW, 60, NOW + 30 * 60_000)).toBe(NOW + 30 * 60_000);
  });

  it('fulfilment waits for the group to succeed', () => {
    expect(groupBuyAllowsFulfilment({})).toBe(true);
    expect(groupBuyAllowsFulfilment({ groupBuy: null })).toBe(true);
    expect(groupBuyAllowsFulfilment({ groupBuy: { state: 'OPEN' } })).toBe(false);
    expect(groupBuyAllowsFulfilment({ groupBuy: { state: 'PENDING' } })).toBe(false);
    expect(groupBuyAllowsFulfilment({ groupBuy: { state: 'FAILED' } })).toBe(false);
    expect(groupBuyAllowsFulfilment({ groupBuy: { state: 'SUCCEEDED' } })).toBe(true);
    expect(groupBuyAllowsFulfilment({ groupBuy: { state: 'SUCCEEDED_VIRTUAL' } })).toBe(true);
  });
});

describe('what a payment does', () => {
  const facts = (over: { group?: Partial<PaymentFacts['group']>; seat?: PaymentFacts['seat']; activity?: Partial<PaymentFacts['activity']>; now?: number }): PaymentFacts => ({
    group: { state: 'OPEN', size: 3, paid: 1, expiresAt: NOW + HOUR, timeLimitMinutes: 60, ...over.group },
    seat: over.seat === undefined ? { state: 'RESERVED', leader: false } : over.seat,
    activity: { startAt: NOW - HOUR, endAt: NOW + 10 * HOUR, stoppedAt: null, ...over.activity },
    now: over.now ?? NOW,
  });

  it('the leader’s payment opens the group with its deadline', () => {
    expect(decidePayment(facts({ group: { state: 'PENDING', paid: 0, expiresAt: null }, seat: { state: 'RESERVED', leader: true } }))).toEqual({
      kind: 'open',
      expiresAt: NOW + HOUR,
    });
  });
  it('the leader’s payment after the activity stopped or ended is refunded and the group cancelled', () => {
    const pending = { state: 'PENDING' as const, paid: 0, expiresAt: null };
    const leader = { state: 'RESERVED' as const, leader: true };
    expect(decidePayment(facts({ group: pending, seat: leader, activity: { stoppedAt: NOW - 1 } }))).toEqual({ kind: 'refund', why: 'ACTIVITY_NOT_ACTIVE', cancelGroup: true });
    expect(decidePayment(facts({ group: pending, seat: leader, now: NOW + 10 * HOUR }))).toMatchObject({ kind: 'refund', cancelGroup: true });
  });
  it('a member’s payment fills a seat; the last one succeeds the group', () => {
    expect(decidePayment(facts({}))).toEqual({ kind: 'seat', succeeds: false });
    expect(decidePayment(facts({ group: { paid: 2 } }))).toEqual({ kind: 'seat', succeeds: true });
  });
  it.each<[string, Parameters<typeof facts>[0], string]>([
    ['seat released', { seat: { state: 'RELEASED', leader: false } }, 'SEAT_RELEASED'],
    ['no seat', { seat: null }, 'SEAT_RELEASED'],
    ['group failed', { group: { state: 'FAILED' } }, 'GROUP_CLOSED'],
    ['group succeeded', { group: { state: 'SUCCEEDED', paid: 3 } }, 'GROUP_CLOSED'],
    ['group cancelled', { group: { state: 'CANCELLED' } }, 'GROUP_CLOSED'],
    ['deadline passed, timer not yet run', { now: NOW + HOUR }, 'GROUP_EXPIRED'],
    ['group full', { group: { paid: 3 } }, 'GROUP_FULL'],
  ])('refunds a payment when %s', (_name, over, why) => {
    expect(decidePayment(facts(over))).toEqual({ kind: 'refund', why, cancelGroup: false });
  });
});

describe('views and orders', () => {
  const group = (over: Partial<GroupDoc> = {}): GroupDoc => ({
    activityId: 'a',
    skuId: 's',
    state: 'OPEN',
    size: 4,
    groupPrice: 1990,
    leaderPrice: 1490,
    timeLimitMinutes: 60,
    virtualCompletion: true,
    leaderOpenid: 'lead',
    leaderNickname: '团长',
    reserved: 2,
    paid: 2,
    virtualMembers: 0,
    members: [
      { openid: 'm1', orderId: 'o2', leader: false, paid: true, nickname: 'M1', joinedAt: NOW + 2, paidAt: NOW + 3 },
      { openid: 'lead', orderId: 'o1', leader: true, paid: true, nickname: '团长', joinedAt: NOW, paidAt: NOW + 1 },
    ],
    createdAt: NOW,
    updatedAt: NOW,
    openedAt: NOW,
    expiresAt: NOW + HOUR,
    succeededAt: null,
    failedAt: null,
    closedAt: null,
    notices: [],
    ...over,
  });

  it('members: leader first, then by joining, virtual members last; seats left count them', () => {
    const virtual = group({ state: 'SUCCEEDED_VIRTUAL', virtualMembers: 2, closedAt: NOW + HOUR });
    expect(groupMemberViews(virtual).map((m) => [m.nickname, m.leader, m.virtual])).toEqual([
      ['团长', true, false],
      ['M1', false, false],
      ['拼友1', false, true],
      ['拼友2', false, true],
    ]);
    expect(seatsLeft(group())).toBe(2);
    expect(seatsLeft(virtual)).toBe(0);
  });

  it('a group-buy order: one unit at the group price, shop shipping, no member discount, the group flag', () => {
    const order = groupBuyOrderDoc({
      activity: { skuId: 's', productId: 'p', productName: '茶', skuName: '罐', image: null },
      activityId: 'a',
      groupId: 'g',
      groupState: 'OPEN',
      leader: false,
      unitPrice: 1990,
      openid: 'u',
      fulfillment: { type: 'pickup', storeId: 'st', storeName: '店' },
      requestId: 'req-12345678',
      requestKey: 'gbj_x',
      now: NOW,
      payDeadline: NOW + 600_000,
    });
    expect(order).toMatchObject({
      status: 'PENDING_PAYMENT',
      source: 'groupbuy',
      groupBuy: { groupId: 'g', activityId: 'a', leader: false, state: 'OPEN' },
      items: [{ skuId: 's', unitPrice: 1990, quantity: 1, lineTotal: 1990 }],
      amounts: { itemsTotal: 1990, discount: 0, shippingFee: 0, payable: 1990 },
      memberDiscountBps: 0,
      expiresAt: NOW + 600_000,
      stockReleased: false,
    });
    expect(groupBuyAllowsFulfilment(order)).toBe(false);
  });
});
