import { newRequestId, PICKUP } from './order-harness';
import { startPromotionBench, type PromotionBench } from './promotion-harness';
import { codeOf, functionCallers } from './function-callers';
import { seedTwoStores, STORE_A, STORE_B } from './staff-harness';

const { call, ok } = functionCallers('staff', 'member');

const OPERATOR = 'ops-1';
const STAFF_A = 'staff-a';
const STAFF_A2 = 'staff-a2';
const CUSTOMER = 'u1';
const HOUR = 3600_000;

describe('audit log with names, filters and role changes; staff see their own day', () => {
  let bench: PromotionBench;
  beforeEach(async () => {
    bench = startPromotionBench();
    await seedTwoStores(bench);
    await bench.grantOperator(OPERATOR);
    await bench.db.collection('users').doc(OPERATOR).set({ nickname: '运营小王', createdAt: bench.clock() });
    await bench.grantStaff(STAFF_A, [STORE_A]);
    await bench.grantStaff(STAFF_A2, [STORE_A]);
    await ok('member', STAFF_A, 'join', { nickname: '店员阿美', phone: '13911112222' });
    await ok('member', STAFF_A2, 'join', { nickname: '店员阿强' });
    await ok('member', CUSTOMER, 'join', { nickname: '小思', phone: '13800001234' });
    await bench.db.collection('users').doc('u-new').set({ nickname: '小新', createdAt: bench.clock() });
  });
  afterEach(() => bench.close());

  const readyPickupOrder = async (): Promise<string> => {
    const order = await bench.ok('order', CUSTOMER, 'create', { items: [{ skuId: 'sku-tea-l', quantity: 1 }], fulfillment: PICKUP, requestId: newRequestId() });
    await bench.ok('order', CUSTOMER, 'pay', { orderId: order._id });
    await bench.pay.deliverPaymentNotification(order._id, 'SUCCESS', 1);
    return order._id;
  };
  const memberCode = async (): Promise<string> => (await ok('member', CUSTOMER, 'code')).code;
  const log = (filter: Record<string, unknown> = {}) => ok('staff', OPERATOR, 'auditLog', { page: 1, ...filter });

  it('the user picker finds people by nickname or phone prefix; grants from it are listed per store by name', async () => {
    const byNickname = await ok('staff', OPERATOR, 'searchUsers', { query: '小' });
    expect(byNickname.users.map((u: any) => u.nickname).sort()).toEqual(['小思', '小新']);
    expect(byNickname.users.find((u: any) => u.nickname === '小思')).toMatchObject({ openid: CUSTOMER, maskedPhone: '138****1234', staffStoreNames: [], operator: false });
    const byPhone = await ok('staff', OPERATOR, 'searchUsers', { query: '1391111' });
    expect(byPhone.users).toEqual([{ openid: STAFF_A, nickname: '店员阿美', maskedPhone: '139****2222', staffStoreNames: ['示例门店'], operator: false }]);
    expect((await ok('staff', OPERATOR, 'searchUsers', { query: '没有这个人' })).users).toEqual([]);

    await ok('staff', OPERATOR, 'grantStaff', { openid: 'u-new', storeId: STORE_B });
    expect(codeOf(await call('staff', OPERATOR, 'grantStaff', { openid: 'u-typo', storeId: STORE_B }))).toBe('USER_NOT_FOUND');
    const staff = await ok('staff', OPERATOR, 'listStaff', {});
    const names = Object.fromEntries(staff.stores.map((s: any) => [s.name, s.staff.map((p: any) => p.nickname)]));
    expect(names).toEqual({ 示例门店: ['店员阿美', '店员阿强'].sort((a, b) => a.localeCompare(b, 'zh-CN')), 第二门店: ['小新'] });
    expect(staff.operators.map((p: any) => p.nickname)).toEqual(['运营小王']);
  });

  it('shows names instead of ids: who, which store, which member, which order', async () => {
    const orderId = await readyPickupOrder();
    await ok('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A });
    await ok('staff', STAFF_A, 'scan', { code: await memberCode(), storeId: STORE_A });
    await ok('staff', STAFF_A, 'recordPurchase', { memberCode: await memberCode(), storeId: STORE_A, amount: 5000, receiptNo: 'R-001' });
    await ok('staff', OPERATOR, 'grantStaff', { openid: 'u-new', storeId: STORE_B });

    const { items } = await log();
    const byAction = Object.fromEntries(items.map((e: any) => [e.action, e]));
    expect(byAction.verifyPickup).toMatchObject({ staffName: '店员阿美', storeName: '示例门店', targetLabel: `订单 ${orderId}`, result: 'ok' });
    expect(byAction.scan).toMatchObject({ staffName: '店员阿美', targetLabel: '小思（138****1234）' });
    expect(byAction.recordPurchase).toMatchObject({ targetLabel: '小票 R-001 · 小思（138****1234）' });
    expect(byAction.grantStaff).toMatchObject({ staffName: '运营小王', storeName: '第二门店', targetLabel: '小新' });
  });

  it('filters by store, by who acted, by time range, and has a role-change view', async () => {
    const orderId = await readyPickupOrder();
    const t0 = bench.clock();
    await ok('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A });
    bench.clock.advance(HOUR);
    await ok('staff', STAFF_A2, 'scan', { code: await memberCode(), storeId: STORE_A });
    bench.clock.advance(HOUR);
    await ok('staff', OPERATOR, 'grantStaff', { openid: 'u-new', storeId: STORE_B });
    bench.clock.advance(HOUR);
    await ok('staff', OPERATOR, 'revokeStaff', { openid: STAFF_A2, storeId: STORE_A });

    const actions = async (filter: Record<string, unknown>) => (await log(filter)).items.map((e: any) => e.action);
    expect(await actions({})).toEqual(['revokeStaff', 'grantStaff', 'scan', 'verifyPickup']);
    expect(await actions({ storeId: STORE_B })).toEqual(['grantStaff']);
    expect(await actions({ storeId: STORE_A })).toEqual(['revokeStaff', 'scan', 'verifyPickup']);
    expect(await actions({ staffOpenid: STAFF_A2 })).toEqual(['scan']);
    expect(await actions({ from: t0 + HOUR, to: t0 + 3 * HOUR })).toEqual(['grantStaff', 'scan']);
    expect(await actions({ kind: 'verifications', storeId: STORE_A })).toEqual(['scan', 'verifyPickup']);

    const roles = (await log({ kind: 'roles' })).items;
    expect(roles.map((e: any) => [e.action, e.staffName, e.storeName, e.targetLabel])).toEqual([
      ['revokeStaff', '运营小王', '示例门店', '店员阿强'],
      ['grantStaff', '运营小王', '第二门店', '小新'],
    ]);
    expect(codeOf(await call('staff', OPERATOR, 'auditLog', { from: t0 + HOUR, to: t0 }))).toBe('INVALID_ARGUMENT');
  });

  it('myDay lists only the caller’s own entries at that store today (Asia/Shanghai), with counts', async () => {
    // START is 2025-01-06 10:00 in Shanghai; yesterday's work does not count.
    const yesterdayOrder = await readyPickupOrder();
    bench.clock.advance(-12 * HOUR);
    await ok('staff', STAFF_A, 'verifyPickup', { orderId: yesterdayOrder, storeId: STORE_A });
    bench.clock.advance(12 * HOUR);

    const orderId = await readyPickupOrder();
    const orderNo = (await bench.order(orderId)).orderNo as string;
    expect(orderNo).toMatch(/^\d{8}-\d{4}$/);
    await ok('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A });
    bench.clock.advance(60_000);
    await ok('staff', STAFF_A, 'verifyPickup', { orderId, storeId: STORE_A });
    bench.clock.advance(60_000);
    await ok('staff', STAFF_A, 'recordPurchase', { memberCode: await memberCode(), storeId: STORE_A, amount: 5000, receiptNo: 'R-9' });
    await ok('staff', STAFF_A2, 'recordPurchase', { memberCode: await memberCode(), storeId: STORE_A, amount: 5000, receiptNo: 'R-10' });

    const day = await ok('staff', STAFF_A, 'myDay', { storeId: STORE_A });
    expect(day.day).toBe('2025-01-06');
    expect(day.counts).toEqual({ pickup: 1, coupon: 0, purchase: 1 });
    expect(day.items.map((e: any) => [e.kind, e.target, e.result])).toEqual([
      ['purchase', 'R-9', 'ok'],
      // Staff read the human order number, not the internal id.
      ['pickup', orderNo, 'duplicate'],
      ['pickup', orderNo, 'ok'],
    ]);
    expect((await ok('staff', STAFF_A2, 'myDay', { storeId: STORE_A })).counts).toEqual({ pickup: 0, coupon: 0, purchase: 1 });
    // Only staff of the store; operators and customers are not staff.
    expect(codeOf(await call('staff', STAFF_A, 'myDay', { storeId: STORE_B }))).toBe('FORBIDDEN');
    expect(codeOf(await call('staff', CUSTOMER, 'myDay', { storeId: STORE_A }))).toBe('FORBIDDEN');
  });
});
