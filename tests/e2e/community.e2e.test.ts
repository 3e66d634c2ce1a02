/**
 * Issue 13, part 3 (社区团购) in the H5 build against the local cloud: a
 * neighbour applies to be a leader with their pickup point, the operator
 * approves them, a customer nearby orders in a community activity at that
 * point (nearest first) and pays in the sandbox, and the leader hands the
 * order out with the customer's 取货码. Screenshots at 390 px of each screen.
 */
import type { Page } from 'playwright-core';
import type { AdminActivityView, MyLeaderView } from '../../src/core/contracts/community';
import type { OrderView } from '../../src/core/contracts/order';
import { useH5Session } from './support/h5-session';
import { tapText, until, visible, waitForText, WAIT_MS } from './support/shop';

const RUN = Date.now().toString(36);
const LEADER = `e2e-leader-${RUN}`;
const CUSTOMER = `e2e-cm-buyer-${RUN}`;
const OPERATOR = 'demo-operator';
/** The leader's door in 徐汇 (WGS-84, as a browser reports it); the customer two streets away. */
const LEADER_AT = { latitude: 31.1955, longitude: 121.4375 };
const CUSTOMER_AT = { latitude: 31.1968, longitude: 121.4392 };
const HOUR = 3_600_000;

describe('community group-buy: a leader is approved, a neighbour orders at their point, the leader hands it out', () => {
  const session = useH5Session('community');
  const { api, shot, phoneOf } = session;
  let leader: Page;
  let operator: Page;
  let customer: Page;
  let leaderId = '';
  let activityId = '';
  let orderId = '';
  let pickupDate = '';

  beforeAll(async () => {
    leader = await phoneOf(LEADER, LEADER_AT);
    operator = await phoneOf(OPERATOR);
    customer = await phoneOf(CUSTOMER, CUSTOMER_AT);
    await api(CUSTOMER, 'member', 'join', { nickname: '周晓雨' });
  });

  /** Taps a visible element scrolled to the middle of the screen (the pages' fixed bottom bar covers the last rows). */
  const tap = async (page: Page, selector: string) => {
    const target = visible(page, selector);
    await target.waitFor({ timeout: WAIT_MS });
    await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await target.click();
  };

  const fill = async (page: Page, id: string, value: string) => {
    const input = visible(page, `#${id} input, input#${id}`);
    await input.fill(value);
  };

  it('a neighbour applies with their pickup point', async () => {
    await leader.goto(`${session.url}/packages/community/leader/index`);
    await tapText(leader, '申请成为团长');
    await waitForText(leader, '团长信息');
    await fill(leader, 'apply-realName', '王秀兰');
    await fill(leader, 'apply-phone', '13912345678');
    await fill(leader, 'apply-name', '枫林小区 5 号楼便利店');
    await fill(leader, 'apply-address', '上海市徐汇区枫林路 300 弄 5 号');
    await tap(leader, '[data-testid="apply-locate"]');
    await until(() => visible(leader, '#apply-latitude input, input#apply-latitude').inputValue(), (v) => v.startsWith('31.19'), 'the located latitude');
    await shot(leader, 'community-01-apply');
    await visible(leader, '[data-testid="apply-submit"]').click();
    await visible(leader, '[data-testid="leader-application"]').waitFor({ timeout: WAIT_MS });
    await waitForText(leader, '申请审核中');
    await shot(leader, 'community-02-applied');
    const mine = await api<MyLeaderView>(LEADER, 'community', 'myLeader', {});
    expect(mine).toMatchObject({ status: 'APPLIED', point: { name: '枫林小区 5 号楼便利店', location: LEADER_AT } });
    leaderId = mine.leaderId;
  });

  it('the operator approves the application', async () => {
    await operator.goto(`${session.url}/packages/ops/community-leaders/index`);
    const row = visible(operator, `[data-testid="ops-leader-${leaderId}"]`);
    await row.waitFor({ timeout: WAIT_MS });
    expect(await row.textContent()).toContain('王秀兰');
    await shot(operator, 'community-03-ops-review');
    await tap(operator, `[data-testid="ops-leader-${leaderId}"] [data-testid="leader-approve"]`);
    await until(() => api<MyLeaderView | null>(LEADER, 'community', 'myLeader', {}).then((l) => l?.status), (s) => s === 'APPROVED', 'the approval');
    await visible(operator, '[data-testid="ops-community-tab-activities"]').click();
    await waitForText(operator, '新建活动');
  });

  it('a neighbour nearby orders in the activity at that point and pays', async () => {
    const now = Date.now();
    // Cut-off tonight (Shanghai) so the pickup day is tomorrow; at least two hours ahead.
    const tonight = Date.parse(`${new Date(now + 8 * HOUR).toISOString().slice(0, 10)}T23:59:00+08:00`);
    const activity = await api<AdminActivityView>(OPERATOR, 'community', 'saveActivity', {
      requestId: `e2e-cm-${RUN}`,
      title: '周末邻里鲜食团',
      description: '现烤面包与春茶，截单后次日送达团长点',
      items: [
        { skuId: 'p-bakery-croissant-s1', price: 990 },
        { skuId: 'p-tea-jasmine-s1', price: 2990 },
        { skuId: 'p-bakery-toast-s1', price: null },
      ],
      startAt: now - HOUR,
      cutoffAt: Math.max(tonight, now + 2 * HOUR),
      commissionBps: 800,
    });
    activityId = activity.activityId;
    pickupDate = activity.pickupDate;
    await operator.reload();
    await visible(operator, `[data-testid="ops-community-activity-${activityId}"]`).waitFor({ timeout: WAIT_MS });
    await shot(operator, 'community-04-ops-activities');

    await customer.goto(session.url);
    await visible(customer, '[data-testid="entry-community"]').click();
    await visible(customer, `[data-testid="community-activity-${activityId}"]`).click();
    await waitForText(customer, '本期商品');
    // The only approved point, with its distance (the customer allowed their location).
    await until(() => visible(customer, '[data-testid="community-point-chosen"]').textContent(), (t) => !!t && t.includes('枫林小区 5 号楼便利店') && /距你 \d/.test(t), 'the chosen point');
    const croissant = visible(customer, '[data-testid="community-item-p-bakery-croissant-s1"]');
    await croissant.waitFor({ timeout: WAIT_MS });
    await tap(customer, '[data-testid="community-item-p-bakery-croissant-s1"] [data-testid="stepper-increase"]');
    await tap(customer, '[data-testid="community-item-p-bakery-croissant-s1"] [data-testid="stepper-increase"]');
    await tap(customer, '[data-testid="community-item-p-tea-jasmine-s1"] [data-testid="stepper-increase"]');
    await until(() => visible(customer, '[data-testid="community-total"]').textContent(), (t) => t === '合计 ¥49.70', 'the total of 2 × 9.90 + 29.90');
    await shot(customer, 'community-05-activity');
    await visible(customer, '[data-testid="community-submit"]').click();
    await visible(customer, '[data-testid="pay-confirm"]').click();
    const statusLabel = () => visible(customer, '[data-testid="order-status-label"]').textContent().catch(() => null);
    await until(statusLabel, (t) => t === '待自提', 'the paid order page');
    orderId = new URL(customer.url()).searchParams.get('id')!;
    const card = (await visible(customer, '[data-testid="pickup-card"]').textContent()) ?? '';
    for (const text of ['社区团购 · 团长点自提', '枫林小区 5 号楼便利店', '上海市徐汇区枫林路 300 弄 5 号', '团长电话 13912345678', '到团长自提点出示取货码']) expect(card).toContain(text);
    await visible(customer, '[data-testid="pickup-qr"]').waitFor({ timeout: WAIT_MS });
    await shot(customer, 'community-06-order-pickup-code');
    const order = await api<OrderView>(CUSTOMER, 'order', 'get', { orderId });
    expect(order).toMatchObject({ status: 'READY_FOR_PICKUP', amounts: { payable: 4970 }, community: { pickupDate, pointName: '枫林小区 5 号楼便利店' } });
  });

  it('the leader sees it on the pickup day and hands it out with the 取货码; the customer sees it completed', async () => {
    const order = await api<OrderView>(CUSTOMER, 'order', 'get', { orderId });
    const code = order.fulfillment.type === 'pickup' ? order.fulfillment.pickupCode! : '';
    await leader.goto(`${session.url}/packages/community/leader/index?date=${pickupDate}`);
    await until(() => visible(leader, '[data-testid="leader-handout-summary"]').textContent(), (t) => !!t && t.includes('待取货 1 单'), 'the hand-out list');
    const list = (await visible(leader, '[data-testid="leader-handout"]').textContent()) ?? '';
    expect(list).toContain('周*');
    expect(list).toContain('黄油可颂 · 单个 × 2');
    expect(list).not.toContain(code);
    await shot(leader, 'community-07-leader-handout');
    await visible(leader, '#leader-code input, input#leader-code').fill(code);
    await tap(leader, '[data-testid="leader-verify-submit"]');
    await until(() => visible(leader, '[data-testid="leader-verify-result"]').textContent(), (t) => !!t && t.startsWith('核销成功'), 'the hand-over');
    await until(() => visible(leader, '[data-testid="leader-handout-summary"]').textContent(), (t) => !!t && t.includes('已取货 1 单'), 'the list after');
    await shot(leader, 'community-08-leader-verified');

    await customer.goto(`${session.url}/packages/trade/order/index?id=${encodeURIComponent(orderId)}`);
    await until(() => visible(customer, '[data-testid="order-status-label"]').textContent().catch(() => null), (t) => t === '已完成', 'the completed order');
    await waitForText(customer, '已取货，取货码已失效');
    await shot(customer, 'community-09-customer-completed');
  });

  it('the operator sees the sales and the leader their commission statement', async () => {
    await operator.goto(`${session.url}/packages/ops/community-sales/index`);
    await until(() => visible(operator, `[data-testid="community-sales-leaders-${leaderId}"]`).textContent().catch(() => null), (t) => !!t && t.includes('¥49.70'), 'the leader row');
    await shot(operator, 'community-10-ops-sales');

    const nowMonth = new Date(Date.now() + 8 * HOUR).toISOString().slice(0, 7);
    await operator.goto(`${session.url}/packages/ops/community-statement/index?leaderId=${leaderId}&month=${nowMonth}`);
    await visible(operator, '[data-testid="ops-statement"]').waitFor({ timeout: WAIT_MS });
    await until(() => visible(operator, '[data-testid="ops-statement"]').textContent(), (t) => !!t && t.includes('¥3.97'), 'the 8% of ¥49.70');
    await shot(operator, 'community-11-ops-statement');

    await leader.goto(`${session.url}/packages/community/leader-statement/index?month=${nowMonth}`);
    await until(() => visible(leader, '[data-testid="statement-totals"]').textContent(), (t) => !!t && t.includes('¥3.97'), 'the leader statement');
    await shot(leader, 'community-12-leader-statement');
  });
});
