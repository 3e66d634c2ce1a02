import { randomUUID } from 'crypto';
import { join } from 'path';
import type { Envelope } from '../../src/core/envelope';
import { activityIssues, type ActivityDoc } from '../../src/core/groupbuy';
import { demoDocuments } from '../../src/server/local/seed';
import type { FunctionContext } from '../../src/server/kit/types';
import type { Transaction } from '../../src/server/db';
import { DELIVERY, PICKUP, seedShop, startBench, START, type Bench } from './order-harness';

type Main = (event: unknown, context?: FunctionContext) => Promise<unknown>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const groupbuyMain = (require(join(__dirname, '../../cloudfunctions/groupbuy/index.ts')) as { main: Main }).main;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OP = 'op-1';

let requests = 0;
const rid = (): string => `gb-${Date.now().toString(36)}-${(requests += 1)}`;
const codeOf = (r: Envelope<unknown>): string => (r.ok ? 'OK' : r.error.code);

describe('group-buys', () => {
  it('the demo seed: valid activities on the demo catalog, merged into the local cloud seed', () => {
    const now = START;
    const documents = demoDocuments(now);
    const activities = documents.groupbuy_activities as unknown as Array<ActivityDoc & { _id: string }>;
    expect(activities.map((a) => a._id)).toEqual(['gba-demo-strawberry', 'gba-demo-nuts', 'gba-demo-candle']);
    for (const a of activities) {
      const sku = documents.skus!.find((s) => s._id === a.skuId) as unknown as { price: number; productId: string; name: string };
      expect(sku).toMatchObject({ productId: a.productId, name: a.skuName });
      expect(activityIssues(a, sku.price, now)).toEqual([]);
    }
  });

  let bench: Bench;
  beforeEach(async () => {
    bench = startBench();
    await seedShop(bench.db);
    await bench.grantOperator(OP);
  });
  afterEach(() => bench.close());

  const context = (openid: string | null): FunctionContext => ({
    request_id: randomUUID(),
    environ: openid === null ? '' : `WX_OPENID=${openid};WX_APPID=wxtest`,
  });
  const gb = <T = any>(openid: string, action: string, data: unknown = {}) =>
    groupbuyMain({ action, data }, context(openid)) as Promise<Envelope<T>>;
  const gbOk = async <T = any>(openid: string, action: string, data: unknown = {}): Promise<T> => {
    const r = await gb<T>(openid, action, data);
    if (!r.ok) throw new Error(`groupbuy.${action} failed: ${JSON.stringify(r.error)}`);
    return r.data;
  };
  const expireTimer = () =>
    groupbuyMain({ Type: 'Timer', TriggerName: 'expireGroups', Time: new Date(bench.clock()).toISOString() }, context(null)) as Promise<Envelope<any>>;
  const doc = async (collection: string, id: string): Promise<any> => (await bench.db.collection(collection).doc(id).get()).data[0] ?? null;
  const group = (groupId: string) => doc('groupbuy_groups', groupId);
  const refundsOf = async (orderId: string) => (await bench.db.collection<any>('refunds').where({ orderId }).get()).data;

  const activity = async (over: Record<string, unknown> = {}): Promise<string> =>
    (
      await gbOk(OP, 'createActivity', {
        skuId: 'sku-tea-s',
        groupPrice: 1990,
        groupSize: 3,
        timeLimitMinutes: 60,
        perMemberLimit: 2,
        startAt: START - HOUR,
        endAt: START + 24 * HOUR,
        ...over,
      })
    ).activityId;
  const open = (openid: string, activityId: string, requestId = rid(), fulfillment: unknown = DELIVERY) =>
    gb(openid, 'open', { activityId, requestId, fulfillment });
  const joinGroup = (openid: string, groupId: string, requestId = rid(), fulfillment: unknown = DELIVERY) =>
    gb(openid, 'join', { groupId, requestId, fulfillment });
  const pay = async (openid: string, orderId: string) => {
    await bench.ok('order', openid, 'pay', { orderId });
    const report = await bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 1);
    expect(report.allAcknowledged).toBe(true);
  };
  /** A group whose leader `lead` has paid: OPEN. */
  const openedGroup = async (activityId: string, lead = 'lead') => {
    const seat = await gbOk(lead, 'open', { activityId, requestId: rid(), fulfillment: DELIVERY });
    await pay(lead, seat.orderId);
    return seat as { groupId: string; orderId: string; expiresAt: number };
  };

  describe('operators', () => {
    it('customers get FORBIDDEN on operator actions', async () => {
      const activityId = await activity();
      expect(codeOf(await gb('u1', 'createActivity', { skuId: 'sku-tea-s', groupPrice: 1, groupSize: 2, timeLimitMinutes: 60, perMemberLimit: 1, startAt: START, endAt: START + HOUR }))).toBe('FORBIDDEN');
      expect(codeOf(await gb('u1', 'updateActivity', { activityId, groupPrice: 1000 }))).toBe('FORBIDDEN');
      expect(codeOf(await gb('u1', 'stopActivity', { activityId }))).toBe('FORBIDDEN');
      expect(codeOf(await gb('u1', 'stats', { activityId }))).toBe('FORBIDDEN');
      expect(codeOf(await gb('u1', 'listActivities', { view: 'operator' }))).toBe('FORBIDDEN');
      expect(codeOf(await gb('u1', 'expireGroups', {}))).toBe('FORBIDDEN');
      expect(await bench.count('groupbuy_activities')).toBe(1);
    });

    it('validates terms against the SKU: ACTIVITY_INVALID with every issue, SKU_NOT_FOUND', async () => {
      const bad = await gb(OP, 'createActivity', {
        skuId: 'sku-tea-s',
        groupPrice: 2900,
        groupSize: 11,
        timeLimitMinutes: 5,
        perMemberLimit: 0,
        leaderDiscount: { type: 'fen', amount: 5000 },
        startAt: START + HOUR,
        endAt: START,
      });
      expect(bad).toMatchObject({ ok: false, error: { code: 'ACTIVITY_INVALID' } });
      const issues = (bad as any).error.details.issues.map((i: { field: string }) => i.field);
      expect(issues).toEqual(['groupPrice', 'groupSize', 'timeLimitMinutes', 'perMemberLimit', 'endAt', 'leaderDiscount']);
      expect(codeOf(await gb(OP, 'createActivity', { skuId: 'nope', groupPrice: 1, groupSize: 2, timeLimitMinutes: 60, perMemberLimit: 1, startAt: START, endAt: START + HOUR }))).toBe('SKU_NOT_FOUND');
      expect(await bench.count('groupbuy_activities')).toBe(0);
    });

    it('creates, edits (validated as a whole) and stops; customers list active ones, operators all with stats', async () => {
      const created = await gbOk(OP, 'createActivity', {
        skuId: 'sku-tea-s',
        groupPrice: 1990,
        groupSize: 3,
        timeLimitMinutes: 60,
        perMemberLimit: 2,
        leaderDiscount: { type: 'bps', bps: 1000 },
        startAt: START - HOUR,
        endAt: START + 24 * HOUR,
        title: '乌龙 3 人团',
      });
      expect(created).toMatchObject({ title: '乌龙 3 人团', productName: '乌龙茶', listPrice: 2900, groupPrice: 1990, leaderPrice: 1791, phase: 'ACTIVE', stats: { groupsOpen: 0, paidMembers: 0 } });
      bench.clock.advance(1);
      const scheduled = await activity({ startAt: START + HOUR });

      expect(codeOf(await gb(OP, 'updateActivity', { activityId: created.activityId, groupPrice: 3000 }))).toBe('ACTIVITY_INVALID');
      expect(await gbOk(OP, 'updateActivity', { activityId: created.activityId, groupPrice: 1890, leaderDiscount: null })).toMatchObject({ groupPrice: 1890, leaderPrice: 1890, leaderDiscount: null });

      const customerList = await gbOk('u1', 'listActivities', {});
      expect(customerList.items.map((a: any) => a.activityId)).toEqual([created.activityId]);
      expect(customerList.items[0].stats).toBeNull();
      expect(customerList.serverNow).toBe(START + 1);
      const opsList = await gbOk(OP, 'listActivities', { view: 'operator' });
      expect(opsList.items.map((a: any) => [a.activityId, a.phase])).toEqual([
        [scheduled, 'SCHEDULED'],
        [created.activityId, 'ACTIVE'],
      ]);
      expect(opsList.items[0].stats).toMatchObject({ groupsOpen: 0 });

      expect(await gbOk(OP, 'stopActivity', { activityId: created.activityId })).toMatchObject({ phase: 'STOPPED' });
      expect(codeOf(await gb(OP, 'updateActivity', { activityId: created.activityId, title: 'x' }))).toBe('ACTIVITY_CLOSED');
      expect((await gbOk('u1', 'listActivities', {})).items).toEqual([]);
      expect(codeOf(await open('u1', created.activityId))).toBe('ACTIVITY_NOT_ACTIVE');
      expect(codeOf(await open('u1', scheduled))).toBe('ACTIVITY_NOT_ACTIVE');
    });
  });

  describe('opening and joining', () => {
    it('the group is PENDING and seen by its leader only until the leader pays; then OPEN with its deadline', async () => {
      const activityId = await activity({ leaderDiscount: { type: 'fen', amount: 500 } });
      const seat = await gbOk('lead', 'open', { activityId, requestId: rid(), fulfillment: DELIVERY });
      expect(seat.expiresAt).toBe(START + 10 * MINUTE);
      const order = await bench.order(seat.orderId);
      expect(order).toMatchObject({
        status: 'PENDING_PAYMENT',
        source: 'groupbuy',
        groupBuy: { groupId: seat.groupId, activityId, leader: true, state: 'PENDING' },
        items: [{ skuId: 'sku-tea-s', unitPrice: 1490, quantity: 1 }],
        amounts: { itemsTotal: 1490, shippingFee: 800, payable: 2290 },
      });
      expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 99, sold: 1 });
      expect(await gbOk('lead', 'get', { groupId: seat.groupId })).toMatchObject({ state: 'PENDING', expiresAt: null, joinedByMe: true, myOrderId: seat.orderId, canJoin: false });
      expect(codeOf(await gb('u1', 'get', { groupId: seat.groupId }))).toBe('GROUP_NOT_FOUND');
      expect(codeOf(await joinGroup('u1', seat.groupId))).toBe('GROUP_NOT_FOUND');
      expect((await gbOk('u1', 'getActivity', { activityId })).openGroups).toEqual([]);

      bench.clock.advance(2 * MINUTE);
      await pay('lead', seat.orderId);
      const opened = await group(seat.groupId);
      expect(opened).toMatchObject({ state: 'OPEN', openedAt: START + 2 * MINUTE, expiresAt: START + 62 * MINUTE, paid: 1, reserved: 1 });
      expect(opened.notices).toEqual([{ kind: 'OPENED', state: 'OPEN', at: START + 2 * MINUTE, audience: ['lead'] }]);
      expect((await bench.order(seat.orderId)).groupBuy.state).toBe('OPEN');

      const share = await gbOk('u1', 'get', { groupId: seat.groupId });
      expect(share).toMatchObject({
        state: 'OPEN',
        stateLabel: '拼团中',
        size: 3,
        seatsLeft: 2,
        paid: 1,
        groupPrice: 1990,
        leaderPrice: 1490,
        expiresAt: START + 62 * MINUTE,
        serverNow: START + 2 * MINUTE,
        joinedByMe: false,
        myOrderId: null,
        canJoin: true,
        leader: { leader: true, paid: true, avatar: null },
        activity: { activityId, productName: '乌龙茶', listPrice: 2900 },
      });
      expect(share.members).toHaveLength(1);
      const detail = await gbOk('u1', 'getActivity', { activityId });
      // 已拼 1 件: the leader's paid seat.
      expect(detail).toMatchObject({ mySeats: 0, limitReached: false, soldCount: 1, openGroups: [{ groupId: seat.groupId, seatsLeft: 2, joinedByMe: false, expiresAt: START + 62 * MINUTE }] });
    });

    it('a join reserves a seat with an order at the group price whose payment window ends by the deadline', async () => {
      const activityId = await activity({ timeLimitMinutes: 15 });
      const { groupId } = await openedGroup(activityId);
      const joined = await gbOk('u1', 'join', { groupId, requestId: rid(), fulfillment: PICKUP });
      expect(joined.expiresAt).toBe(START + 10 * MINUTE);
      expect(await bench.order(joined.orderId)).toMatchObject({ amounts: { payable: 1990, shippingFee: 0 }, fulfillment: { type: 'pickup' }, groupBuy: { state: 'OPEN', leader: false } });
      bench.clock.advance(8 * MINUTE);
      const late = await gbOk('u2', 'join', { groupId, requestId: rid(), fulfillment: DELIVERY });
      expect(late.expiresAt).toBe(START + 15 * MINUTE);
      expect(await group(groupId)).toMatchObject({ reserved: 3, paid: 1 });
      expect(await doc('groupbuy_seats', joined.orderId)).toMatchObject({ groupId, openid: 'u1', state: 'RESERVED', price: 1990 });
    });

    it('refuses ALREADY_IN_GROUP, GROUP_FULL, LIMIT_EXCEEDED and GROUP_CLOSED; a repeated requestId answers the first seat', async () => {
      const activityId = await activity({ perMemberLimit: 1 });
      const { groupId } = await openedGroup(activityId);
      const requestId = rid();
      const taps = await Promise.all([1, 2, 3].map(() => joinGroup('u1', groupId, requestId)));
      expect(new Set(taps.map((t) => (t as any).data.orderId)).size).toBe(1);
      expect(codeOf(await joinGroup('u1', groupId))).toBe('ALREADY_IN_GROUP');
      expect(codeOf(await joinGroup('lead', groupId))).toBe('ALREADY_IN_GROUP');
      expect((await gbOk('u1', 'get', { groupId })).joinedByMe).toBe(true);

      // u1 holds its one seat of the activity: no other group, opened or joined.
      expect(codeOf(await open('u1', activityId))).toBe('LIMIT_EXCEEDED');
      const other = await openedGroup(activityId, 'lead2');
      expect(codeOf(await joinGroup('u1', other.groupId))).toBe('LIMIT_EXCEEDED');
      expect(await gbOk('u1', 'getActivity', { activityId })).toMatchObject({ mySeats: 1, limitReached: true });

      expect(codeOf(await joinGroup('u2', groupId))).toBe('OK');
      expect(codeOf(await joinGroup('u3', groupId))).toBe('GROUP_FULL');
      expect(await bench.count('orders', { openid: 'u3' })).toBe(0);

      bench.clock.advance(HOUR);
      expect(codeOf(await joinGroup('u4', other.groupId))).toBe('GROUP_CLOSED');
    });

    it('the per-member limit counts held seats: a cancelled order gives its seat back', async () => {
      const activityId = await activity({ perMemberLimit: 1 });
      const a = await openedGroup(activityId, 'lead-a');
      const b = await openedGroup(activityId, 'lead-b');
      const seat = await gbOk('u1', 'join', { groupId: a.groupId, requestId: rid(), fulfillment: DELIVERY });
      expect(codeOf(await joinGroup('u1', b.groupId))).toBe('LIMIT_EXCEEDED');
      await bench.ok('order', 'u1', 'cancel', { orderId: seat.orderId });
      expect(await doc('groupbuy_seats', seat.orderId)).toMatchObject({ state: 'RELEASED' });
      expect(await group(a.groupId)).toMatchObject({ reserved: 1 });
      expect(codeOf(await joinGroup('u1', b.groupId))).toBe('OK');
      expect(await doc('groupbuy_member_counts', `${activityId}_u1`)).toMatchObject({ seats: 1 });
    });

    it('the leader cancelling the unpaid order cancels the group; paying after the activity stopped is refunded', async () => {
      const activityId = await activity();
      const first = await gbOk('lead', 'open', { activityId, requestId: rid(), fulfillment: DELIVERY });
      await bench.ok('order', 'lead', 'cancel', { orderId: first.orderId });
      expect(await group(first.groupId)).toMatchObject({ state: 'CANCELLED', reserved: 0, members: [] });
      expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });

      const second = await gbOk('lead', 'open', { activityId, requestId: rid(), fulfillment: DELIVERY });
      await bench.ok('order', 'lead', 'pay', { orderId: second.orderId });
      await gbOk(OP, 'stopActivity', { activityId });
      await bench.pay.deliverPaymentNotification(second.orderId, 'SUCCESS', 2);
      expect(await group(second.groupId)).toMatchObject({ state: 'CANCELLED', paid: 0 });
      expect(await bench.order(second.orderId)).toMatchObject({ status: 'REFUNDING', groupBuy: { state: 'CANCELLED' } });
      expect(await refundsOf(second.orderId)).toEqual([expect.objectContaining({ reason: 'GROUP_CLOSED', status: 'DUE' })]);
    });
  });

  describe('payments', () => {
    it('the last payment succeeds the group in its own transaction: every paid order moves on to fulfilment', async () => {
      const activityId = await activity();
      const leader = await openedGroup(activityId);
      const a = await gbOk('u1', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: DELIVERY });
      const b = await gbOk('u2', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: PICKUP });
      await pay('u1', a.orderId);
      expect(await group(leader.groupId)).toMatchObject({ state: 'OPEN', paid: 2 });
      expect((await bench.order(a.orderId)).groupBuy.state).toBe('OPEN');

      // The group's write fails once inside the payment transaction: nothing of that payment is kept.
      await bench.ok('order', 'u2', 'pay', { orderId: b.orderId });
      const restore = failGroupWriteOnce(bench);
      const failed = await bench.pay.deliverPaymentNotification(b.orderId, 'SUCCESS', 1);
      restore();
      expect(failed.allAcknowledged).toBe(false);
      expect(await bench.order(b.orderId)).toMatchObject({ status: 'PENDING_PAYMENT', groupBuy: { state: 'OPEN' } });
      expect(await group(leader.groupId)).toMatchObject({ state: 'OPEN', paid: 2 });
      expect(await bench.count('payment_notifications', { outTradeNo: b.orderId })).toBe(0);

      // WeChat delivers again: the payment, the seat, the group's success and every order's flag land together.
      bench.clock.advance(MINUTE);
      expect((await bench.pay.deliverPaymentNotification(b.orderId, 'SUCCESS', 1)).allAcknowledged).toBe(true);
      const succeeded = await group(leader.groupId);
      expect(succeeded).toMatchObject({ state: 'SUCCEEDED', paid: 3, reserved: 3, succeededAt: START + MINUTE, closedAt: START + MINUTE });
      expect(succeeded.notices.map((n: any) => n.kind)).toEqual(['OPENED', 'MEMBER_PAID', 'SUCCEEDED']);
      expect(succeeded.notices[2]).toEqual({ kind: 'SUCCEEDED', state: 'SUCCEEDED', at: START + MINUTE, audience: expect.arrayContaining(['lead', 'u1', 'u2']) });
      for (const orderId of [leader.orderId, a.orderId, b.orderId]) expect((await bench.order(orderId)).groupBuy.state).toBe('SUCCEEDED');
      expect(await bench.order(b.orderId)).toMatchObject({ status: 'READY_FOR_PICKUP', paidAt: START + MINUTE });
      expect(await bench.order(a.orderId)).toMatchObject({ status: 'PAID' });
      expect(await gbOk(OP, 'stats', { activityId })).toMatchObject({ stats: { groupsSucceeded: 1, groupsOpen: 0, paidMembers: 3, paidBuyers: 3 } });
      // 成交额: the seats' prices (the leader's discounted one included), the goods of the orders (no delivery fee).
      const orders = await Promise.all([leader.orderId, a.orderId, b.orderId].map((id) => bench.order(id)));
      const paidFen = orders.reduce((n, o) => n + o.items.reduce((m: number, item: { lineTotal: number }) => m + item.lineTotal, 0), 0);
      expect((await gbOk(OP, 'stats', { activityId })).stats.paidFen).toBe(paidFen);
      expect(await gbOk('u9', 'get', { groupId: leader.groupId })).toMatchObject({ state: 'SUCCEEDED', seatsLeft: 0, canJoin: false });
    });

    it('orders wait for their group: a paid pickup order is ready only when the group succeeds, and nothing ships before', async () => {
      const activityId = await activity();
      const leader = await openedGroup(activityId);
      const a = await gbOk('u1', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: PICKUP });
      await pay('u1', a.orderId);
      expect(await bench.order(a.orderId)).toMatchObject({ status: 'PAID', groupBuy: { state: 'OPEN' } });
      expect(codeOf(await bench.call('order', OP, 'ship', { orderId: leader.orderId, trackingNo: 'SF1' }))).toBe('GROUP_NOT_SUCCEEDED');

      const b = await gbOk('u2', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: DELIVERY });
      await pay('u2', b.orderId);
      expect(await bench.order(a.orderId)).toMatchObject({ status: 'READY_FOR_PICKUP', groupBuy: { state: 'SUCCEEDED' } });
      expect(await bench.ok('order', OP, 'ship', { orderId: leader.orderId, trackingNo: 'SF1' })).toMatchObject({ status: 'SHIPPED' });
    });

    it('a payment for a group that failed meanwhile is refunded once, and the order ends REFUNDED', async () => {
      const activityId = await activity({ timeLimitMinutes: 10 });
      const { groupId } = await openedGroup(activityId);
      const late = await gbOk('u1', 'join', { groupId, requestId: rid(), fulfillment: DELIVERY });
      await bench.ok('order', 'u1', 'pay', { orderId: late.orderId });
      bench.clock.advance(10 * MINUTE);
      await expireTimer(); // the group fails before the payment arrives
      expect(await group(groupId)).toMatchObject({ state: 'FAILED', reserved: 1 });
      expect(await doc('groupbuy_seats', late.orderId)).toMatchObject({ state: 'RELEASED' });

      const report = await bench.pay.deliverPaymentNotification(late.orderId, 'SUCCESS', 3, { concurrent: true });
      expect(report.allAcknowledged).toBe(true);
      expect(await bench.order(late.orderId)).toMatchObject({ status: 'REFUNDING', groupBuy: { state: 'FAILED' } });
      expect(await refundsOf(late.orderId)).toEqual([expect.objectContaining({ reason: 'GROUP_CLOSED', amount: 2790, status: 'DUE' })]);
      expect(await group(groupId)).toMatchObject({ state: 'FAILED', paid: 1 });

      await bench.timer('order', 'sweep');
      expect(await bench.order(late.orderId)).toMatchObject({ status: 'REFUNDED' });
      expect(await refundsOf(late.orderId)).toEqual([expect.objectContaining({ status: 'DONE' })]);
      expect(await bench.count('sandbox_refunds', { orderId: late.orderId })).toBe(1);
    });

    it('an unpaid seat is released by the order sweep after its payment window and can be taken again; its trade is closed, so a late payment is refused', async () => {
      const activityId = await activity();
      const { groupId } = await openedGroup(activityId);
      const a = await gbOk('u1', 'join', { groupId, requestId: rid(), fulfillment: DELIVERY });
      await pay('u1', a.orderId);
      const b = await gbOk('u2', 'join', { groupId, requestId: rid(), fulfillment: DELIVERY });
      await bench.ok('order', 'u2', 'pay', { orderId: b.orderId }); // opens a payment, never completes it in time
      expect(codeOf(await joinGroup('u3', groupId))).toBe('GROUP_FULL');

      bench.clock.advance(10 * MINUTE);
      await bench.timer('order', 'sweep');
      await bench.timer('order', 'sweep');
      expect(await bench.order(b.orderId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'timeout' });
      expect(await doc('groupbuy_seats', b.orderId)).toMatchObject({ state: 'RELEASED' });
      expect(await group(groupId)).toMatchObject({ state: 'OPEN', reserved: 2, paid: 2 });
      expect(await doc('groupbuy_member_counts', `${activityId}_u2`)).toMatchObject({ seats: 0 });

      const c = await gbOk('u3', 'join', { groupId, requestId: rid(), fulfillment: DELIVERY });
      await pay('u3', c.orderId);
      expect(await group(groupId)).toMatchObject({ state: 'SUCCEEDED', paid: 3 });

      // The sweep closed u2's trade before cancelling: a payment tried after all is refused; the full group is untouched.
      await expect(bench.pay.deliverPaymentNotification(b.orderId, 'SUCCESS', 2)).rejects.toThrow(/closed/);
      expect(await refundsOf(b.orderId)).toEqual([]);
      expect(await group(groupId)).toMatchObject({ state: 'SUCCEEDED', paid: 3, reserved: 3 });
    });
    it('a member’s own refund while the group is open frees the seat; a group failing meanwhile refunds nobody twice', async () => {
      const activityId = await activity();
      const leader = await openedGroup(activityId);
      const a = await gbOk('u1', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: DELIVERY });
      await pay('u1', a.orderId);
      await bench.ok('order', 'u1', 'requestRefund', { orderId: a.orderId, reason: '不想要了' });
      // Issue 10: the customer's own request waits for the operator.
      expect(await bench.order(a.orderId)).toMatchObject({ status: 'REFUND_REQUESTED' });
      await bench.ok('order', OP, 'reviewRefund', { orderId: a.orderId, decision: 'approve' });
      await bench.timer('order', 'sweep');
      expect(await bench.order(a.orderId)).toMatchObject({ status: 'REFUNDED' });
      expect(await doc('groupbuy_seats', a.orderId)).toMatchObject({ state: 'REFUNDED' });
      expect(await group(leader.groupId)).toMatchObject({ state: 'OPEN', paid: 1, reserved: 1 });
      expect(await doc('groupbuy_member_counts', `${activityId}_u1`)).toMatchObject({ seats: 0 });

      const b = await gbOk('u2', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: DELIVERY });
      await pay('u2', b.orderId);
      await bench.ok('order', 'u2', 'requestRefund', { orderId: b.orderId, reason: '' });
      bench.clock.advance(HOUR);
      // b's request is still waiting for review: the failed group refunds it as a system refund, needing no approval.
      expect(await expireTimer()).toMatchObject({ ok: true, data: { failed: 1, refundsDue: 2 } });
      expect(await bench.call('order', OP, 'reviewRefund', { orderId: b.orderId, decision: 'approve' })).toMatchObject({
        ok: false,
        error: { code: 'REFUND_ALREADY_DECIDED' },
      });
      await bench.timer('order', 'sweep');
      expect(await refundsOf(leader.orderId)).toEqual([expect.objectContaining({ reason: 'GROUP_FAILED', status: 'DONE' })]);
      expect(await refundsOf(b.orderId)).toEqual([expect.objectContaining({ reason: 'GROUP_FAILED', status: 'DONE' })]);
      expect(await bench.order(b.orderId)).toMatchObject({ status: 'REFUNDED' });
      expect(await bench.count('sandbox_refunds')).toBe(3);
      expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
    });
  });

  describe('expiry', () => {
    it('run twice at the same time, the timer fails the group once and refunds each paid member once', async () => {
      const activityId = await activity({ groupSize: 5 });
      const leader = await openedGroup(activityId);
      const a = await gbOk('u1', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: DELIVERY });
      const b = await gbOk('u2', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: PICKUP });
      const unpaid = await gbOk('u3', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: DELIVERY });
      await pay('u1', a.orderId);
      await pay('u2', b.orderId);
      expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 96, sold: 4 });

      bench.clock.advance(HOUR);
      const runs = await Promise.all([expireTimer(), expireTimer(), expireTimer()]);
      expect(runs.every((r) => r.ok)).toBe(true);
      expect(runs.reduce((sum, r) => sum + (r as any).data.failed, 0)).toBe(1);
      expect(runs.reduce((sum, r) => sum + (r as any).data.refundsDue, 0)).toBe(3);

      const failed = await group(leader.groupId);
      expect(failed).toMatchObject({ state: 'FAILED', failedAt: START + HOUR, paid: 3 });
      expect(failed.notices.at(-1)).toEqual({ kind: 'FAILED', state: 'FAILED', at: START + HOUR, audience: expect.arrayContaining(['lead', 'u1', 'u2']) });
      expect(failed.members.map((m: any) => m.openid).sort()).toEqual(['lead', 'u1', 'u2']);
      expect(await doc('groupbuy_seats', unpaid.orderId)).toMatchObject({ state: 'RELEASED' });
      const paidOrders = [leader.orderId, a.orderId, b.orderId];
      for (const orderId of paidOrders) {
        expect(await refundsOf(orderId)).toEqual([expect.objectContaining({ reason: 'GROUP_FAILED', status: 'DUE' })]);
        expect(await bench.order(orderId)).toMatchObject({ status: 'REFUNDING', groupBuy: { state: 'FAILED' } });
        expect(await doc('groupbuy_seats', orderId)).toMatchObject({ state: 'REFUNDED' });
      }
      expect(await bench.count('refunds')).toBe(3);

      // The order sweep cancels the unpaid order and performs the refunds, twice at once as well.
      await Promise.all([bench.timer('order', 'sweep'), bench.timer('order', 'sweep')]);
      await expireTimer();
      for (const orderId of paidOrders) {
        expect(await bench.order(orderId)).toMatchObject({ status: 'REFUNDED' });
        expect(await refundsOf(orderId)).toEqual([expect.objectContaining({ status: 'DONE' })]);
        expect(await bench.count('sandbox_refunds', { orderId })).toBe(1);
      }
      expect(await bench.order(unpaid.orderId)).toMatchObject({ status: 'CANCELLED' });
      expect(await bench.count('refunds')).toBe(3);
      expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 100, sold: 0 });
      expect(await gbOk(OP, 'stats', { activityId })).toMatchObject({ stats: { groupsFailed: 1, groupsOpen: 0, paidMembers: 0, refundedMembers: 3, paidFen: 0, paidBuyers: 0 } });
      for (const openid of ['lead', 'u1', 'u2', 'u3']) expect(await doc('groupbuy_member_counts', `${activityId}_${openid}`)).toMatchObject({ seats: 0 });
    });

    it('virtual completion: at the deadline the group succeeds with virtual members and paid orders move on', async () => {
      const activityId = await activity({ groupSize: 4, virtualCompletion: true });
      const leader = await openedGroup(activityId);
      const a = await gbOk('u1', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: DELIVERY });
      const unpaid = await gbOk('u2', 'join', { groupId: leader.groupId, requestId: rid(), fulfillment: DELIVERY });
      await pay('u1', a.orderId);

      bench.clock.advance(HOUR);
      expect(await expireTimer()).toMatchObject({ ok: true, data: { succeededVirtual: 1, failed: 0, refundsDue: 0 } });
      expect(await group(leader.groupId)).toMatchObject({ state: 'SUCCEEDED_VIRTUAL', virtualMembers: 2, paid: 2, succeededAt: START + HOUR });
      for (const orderId of [leader.orderId, a.orderId]) expect(await bench.order(orderId)).toMatchObject({ status: 'PAID', groupBuy: { state: 'SUCCEEDED_VIRTUAL' } });
      expect(await doc('groupbuy_seats', unpaid.orderId)).toMatchObject({ state: 'RELEASED' });
      expect(await bench.count('refunds')).toBe(0);
      const share = await gbOk('u9', 'get', { groupId: leader.groupId });
      expect(share).toMatchObject({ state: 'SUCCEEDED_VIRTUAL', stateLabel: '拼团成功', seatsLeft: 0, canJoin: false });
      expect(share.members.map((m: any) => m.virtual)).toEqual([false, false, true, true]);
    });

    it('stopping an activity closes its open groups at once', async () => {
      const activityId = await activity();
      const leader = await openedGroup(activityId);
      await gbOk(OP, 'stopActivity', { activityId });
      expect(await group(leader.groupId)).toMatchObject({ state: 'FAILED' });
      expect(await refundsOf(leader.orderId)).toEqual([expect.objectContaining({ reason: 'GROUP_FAILED' })]);
      await gbOk(OP, 'stopActivity', { activityId });
      expect(await bench.count('refunds')).toBe(1);
      expect(codeOf(await joinGroup('u1', leader.groupId))).toBe('GROUP_CLOSED');
    });
  });

  describe('concurrency', () => {
    it('100 concurrent joins on a group of 4 (the leader + 3 seats): exactly 3 seats, the rest GROUP_FULL without orders; then exactly 4 paid', async () => {
      const activityId = await activity({ groupSize: 4 });
      const leader = await openedGroup(activityId);
      const joiners = Array.from({ length: 100 }, (_, i) => `j${i}`);
      const results = await Promise.all(joiners.map((openid) => joinGroup(openid, leader.groupId)));
      const winners = joiners.filter((_, i) => results[i]!.ok);
      expect(winners).toHaveLength(3);
      expect(results.filter((r) => !r.ok).map(codeOf)).toEqual(Array(97).fill('GROUP_FULL'));
      expect(await bench.count('orders', { 'groupBuy.groupId': leader.groupId })).toBe(4);
      expect(await bench.count('groupbuy_seats', { groupId: leader.groupId })).toBe(4);
      expect(await group(leader.groupId)).toMatchObject({ reserved: 4, paid: 1 });
      expect(await bench.sku('sku-tea-s')).toMatchObject({ stock: 96, sold: 4 });

      const orderIds = winners.map((_, i) => (results.filter((r) => r.ok)[i] as any).data.orderId as string);
      for (const [i, orderId] of orderIds.entries()) await bench.ok('order', winners[i]!, 'pay', { orderId });
      await Promise.all(orderIds.map((orderId) => bench.pay.deliverPaymentNotification(orderId, 'SUCCESS', 2, { concurrent: true })));
      const done = await group(leader.groupId);
      expect(done).toMatchObject({ state: 'SUCCEEDED', paid: 4, reserved: 4 });
      expect(done.notices.filter((n: any) => n.kind === 'SUCCEEDED')).toHaveLength(1);
      expect(await bench.count('groupbuy_seats', { groupId: leader.groupId, state: 'PAID' })).toBe(4);
      expect(await bench.count('refunds')).toBe(0);
    });
  });
});

/** Makes the next transactional write of a group-buy group throw (inside whatever transaction does it); answers the undo. */
function failGroupWriteOnce(bench: Bench): () => void {
  const db = bench.db as unknown as { runTransaction: (cb: (tx: Transaction) => Promise<unknown>, times?: number) => Promise<unknown> };
  const original = db.runTransaction;
  let armed = true;
  db.runTransaction = (callback, times) =>
    original.call(bench.db, (tx: Transaction) => {
      const wrapped: Transaction = {
        rollback: (reason) => tx.rollback(reason),
        collection: ((name: string) => {
          const real = tx.collection(name);
          if (name !== 'groupbuy_groups') return real;
          return {
            add: (data) => real.add(data),
            doc: (id: string) => {
              const ref = real.doc(id);
              return {
                id,
                get: () => ref.get(),
                update: (u) => ref.update(u),
                remove: () => ref.remove(),
                delete: () => ref.delete(),
                set: async (data: Record<string, unknown>) => {
                  if (armed) {
                    armed = false;
                    throw new Error('injected failure writing the group');
                  }
                  return ref.set(data);
                },
              };
            },
          };
        }) as Transaction['collection'],
      };
      return callback(wrapped);
    }, times);
  return () => {
    db.runTransaction = original;
  };
}
