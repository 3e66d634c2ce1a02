/**
 * The operator's order actions besides search: the detail with its timeline,
 * shipping one order or a batch (per-order results, idempotent by
 * requestId, audited), and the CSV export (content, escaping, the
 * formula-injection guard, the row cap, audited).
 */
import { displayOrderNo } from '../../src/core/order/order-no';
import { makeOrders, seedMember } from '../../scripts/bench/ops-seed';
import { EXPORT_ROW_LIMIT, type ExportView, type OpsOrderDetail, type OpsOrderRow, type ShipBatchView } from '../../src/core/contracts/order-ops';
import type { Order } from '../../src/core/order/types';
import type { FileStorage } from '../../src/server/services/storage/port';
import { csvCell, toCsv } from '../../src/server/services/order/export-csv';
import { START, startBench, type Bench } from './order-harness';

const DAY = 24 * 60 * 60 * 1000;
const OPERATOR = 'op-1';
const STORES = [{ id: 'store-a', name: '徐家汇店' }];

let bench: Bench;
let orders: Order[];
let files: Map<string, { bytes: Buffer; contentType: string }>;

beforeEach(async () => {
  bench = startBench();
  await bench.grantOperator(OPERATOR);
  orders = makeOrders({ orders: 120, days: 20, now: START, stores: STORES, liveRoomIds: ['room-1'], members: 10, seed: 11 });
  for (const { _id, ...order } of orders) await bench.db.collection('orders').doc(_id).set(order);
  for (let n = 0; n < 10; n += 1) {
    const { _id, ...member } = seedMember(n, START - 30 * DAY);
    await bench.db.collection('members').doc(_id).set(member);
  }
  files = new Map();
  const storage: FileStorage = {
    async putFile(path, bytes, contentType) {
      files.set(`cloud://test/${path}`, { bytes, contentType });
      return { fileID: `cloud://test/${path}` };
    },
    async tempUrl(fileID) {
      return `https://files.test/${fileID.slice('cloud://test/'.length)}`;
    },
  };
  (bench.runtime as { storage?: FileStorage }).storage = storage;
});
afterEach(() => bench.close());

const paidDelivery = () => orders.filter((order) => order.status === 'PAID' && order.fulfillment.type === 'delivery');
const audits = async (action: string) =>
  (await bench.db.collection('staff_audit').where({ action }).get()).data as unknown as Array<{ target: string; result: string; staffOpenid: string; detail?: string }>;

describe('order.opsGet', () => {
  it('answers items, amounts, the customer, payment and the history as a timeline in time order', async () => {
    const refunded = orders.find((order) => order.status === 'REFUNDED')!;
    await bench.db.collection('refunds').doc(`R${refunded._id}`).set({ orderId: refunded._id, openid: refunded.openid, amount: refunded.amounts.payable, total: refunded.amounts.payable, reason: 'CUSTOMER_REQUEST', status: 'DONE', releaseStock: true, attempts: 1, leaseUntil: 0, lastError: null, providerRefundId: 'p1', createdAt: refunded.refundRequestedAt, updatedAt: refunded.refundedAt, doneAt: refunded.refundedAt });
    const detail = await bench.ok<OpsOrderDetail>('order', OPERATOR, 'opsGet', { orderId: refunded._id });
    expect(detail).toMatchObject({
      orderId: refunded._id,
      status: 'REFUNDED',
      statusLabel: '已退款',
      customer: { nickname: expect.stringMatching(/^会员/), phone: expect.stringMatching(/^139\d{8}$/) },
      payment: { amount: refunded.amounts.payable },
      refunded: refunded.amounts.payable,
      refunds: [{ refundNo: `R${refunded._id}`, status: 'DONE' }],
      canShip: false,
    });
    expect(detail.timeline.map((entry) => entry.label)).toEqual(expect.arrayContaining(['下单', '已支付', '申请退款', '已退款']));
    const times = detail.timeline.map((entry) => entry.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('shows a refund request and its rejection with their reasons', async () => {
    const order = paidDelivery()[0];
    const asked = START + 1000;
    const rejected = START + 2000;
    await bench.db.collection('orders').doc(order._id).update({
      history: [
        ...order.history,
        { event: 'requestRefund', from: 'PAID', to: 'REFUND_REQUESTED', at: asked, by: 'customer' },
        { event: 'rejectRefund', from: 'REFUND_REQUESTED', to: 'PAID', at: rejected, by: 'operator' },
      ],
      refundRequest: { attempt: 1, state: 'REJECTED', previousStatus: 'PAID', reason: '不想要了', amount: 100, full: true, lines: null, requestedAt: asked, decidedAt: rejected, decidedBy: 'operator', decisionNote: '商品已打包' },
    });
    const detail = await bench.ok<OpsOrderDetail>('order', OPERATOR, 'opsGet', { orderId: order._id });
    expect(detail.timeline.slice(-2)).toEqual([
      { event: 'requestRefund', label: '申请退款', at: asked, by: '顾客', note: '不想要了' },
      { event: 'rejectRefund', label: '退款被拒绝', at: rejected, by: '运营', note: '商品已打包' },
    ]);
  });

  it('answers ORDER_NOT_FOUND for an unknown order', async () => {
    expect(await bench.call('order', OPERATOR, 'opsGet', { orderId: 'o_nope' })).toMatchObject({ ok: false, error: { code: 'ORDER_NOT_FOUND' } });
  });
});

describe('order.shipBatch', () => {
  it('ships each paid delivery order with carrier and tracking number, answers per order, and audits each', async () => {
    const [a, b] = paidDelivery();
    const pickup = orders.find((order) => order.status === 'PAID' && order.fulfillment.type === 'pickup')!;
    const input = {
      items: [
        { orderId: a._id, carrier: '顺丰', trackingNo: 'SF100' },
        { orderId: pickup._id, carrier: '中通', trackingNo: 'ZT1' },
        { orderId: b._id, carrier: '京东', trackingNo: 'JD200' },
      ],
      requestId: 'ship-batch-0001',
    };
    const view = await bench.ok<ShipBatchView>('order', OPERATOR, 'shipBatch', input);
    expect(view).toEqual({
      shipped: 2,
      failed: 1,
      results: [
        { orderId: a._id, ok: true, status: 'SHIPPED' },
        { orderId: pickup._id, ok: false, code: 'ORDER_STATE_INVALID', message: expect.any(String) },
        { orderId: b._id, ok: true, status: 'SHIPPED' },
      ],
    });
    expect(await bench.order(a._id)).toMatchObject({ status: 'SHIPPED', carrier: '顺丰', trackingNo: 'SF100' });
    expect((await bench.order(b._id)).history.at(-1)).toMatchObject({ event: 'ship', by: 'operator' });
    const entries = await audits('shipOrder');
    expect(entries.map((entry) => [entry.target, entry.result]).sort()).toEqual([[a._id, 'ok'], [b._id, 'ok'], [pickup._id, 'ORDER_STATE_INVALID']].sort());
    expect(entries.every((entry) => entry.staffOpenid === OPERATOR)).toBe(true);

    const detail = await bench.ok<OpsOrderDetail>('order', OPERATOR, 'opsGet', { orderId: a._id });
    expect(detail.shipping).toMatchObject({ carrier: '顺丰', trackingNo: 'SF100' });
    expect(detail.timeline.find((entry) => entry.event === 'ship')).toMatchObject({ label: '已发货', note: '顺丰 SF100', by: '运营' });
  });

  it('answers a repeated requestId with the first results, shipping and auditing nothing again; other lines are IDEMPOTENCY_KEY_REUSED', async () => {
    const [a] = paidDelivery();
    const input = { items: [{ orderId: a._id, carrier: '韵达', trackingNo: 'YD1' }], requestId: 'ship-batch-0002' };
    const first = await bench.ok<ShipBatchView>('order', OPERATOR, 'shipBatch', input);
    const again = await bench.ok<ShipBatchView>('order', OPERATOR, 'shipBatch', input);
    expect(again).toEqual(first);
    expect((await audits('shipOrder')).length).toBe(1);
    const other = await bench.call('order', OPERATOR, 'shipBatch', { ...input, items: [{ ...input.items[0], trackingNo: 'YD2' }] });
    expect(other).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_KEY_REUSED' } });
    expect(await bench.order(a._id)).toMatchObject({ trackingNo: 'YD1' });
  });

  it('refuses a carrier outside the list and an empty batch (INVALID_ARGUMENT)', async () => {
    const [a] = paidDelivery();
    expect(await bench.call('order', OPERATOR, 'shipBatch', { items: [{ orderId: a._id, carrier: '自己送', trackingNo: 'X1' }], requestId: 'ship-batch-0003' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    expect(await bench.call('order', OPERATOR, 'shipBatch', { items: [], requestId: 'ship-batch-0004' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('order.ship (one order) records the carrier and audits too', async () => {
    const [, , c] = paidDelivery();
    await bench.ok('order', OPERATOR, 'ship', { orderId: c._id, carrier: 'EMS', trackingNo: 'E1' });
    expect(await bench.order(c._id)).toMatchObject({ status: 'SHIPPED', carrier: 'EMS', trackingNo: 'E1' });
    expect(await audits('shipOrder')).toEqual([expect.objectContaining({ target: c._id, result: 'ok', detail: 'EMS E1' })]);
  });
});

describe('order.exportCsv', () => {
  const row = (over: Partial<OpsOrderRow>): OpsOrderRow => ({
    orderId: 'o_1',
    orderNo: '20260102-0001',
    createdAt: Date.UTC(2026, 0, 1, 16, 30, 5),
    status: 'PAID',
    statusLabel: '已支付',
    kind: 'normal',
    kindLabel: '普通订单',
    fulfillmentType: 'delivery',
    storeName: null,
    customerName: '张三',
    customerPhone: '138****0000',
    itemsSummary: '乌龙茶×1',
    payable: 2900,
    points: 0,
    refunded: 0,
    canShip: true,
    ...over,
  });

  it('writes UTF-8 with a BOM, a Chinese header, Shanghai times and yuan with 2 decimals', () => {
    const csv = toCsv([row({})]);
    expect(csv.startsWith('\uFEFF订单号,下单时间,状态,类型,门店,顾客,手机号,商品,应付(元),已退款(元),兑换积分\r\n')).toBe(true);
    expect(csv).toContain('20260102-0001,2026-01-02 00:30:05,已支付,普通订单,快递配送,张三,138****0000,乌龙茶×1,29.00,0.00,0\r\n');
    expect(toCsv([row({ kindLabel: '积分商城', payable: 990, points: 800 })])).toContain(',9.90,0.00,800\r\n');
  });

  it('quotes commas, quotes and line breaks, and defuses formulas with a leading quote', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    for (const formula of ['=1+1', '+86', '-2', '@SUM(A1)']) expect(csvCell(formula)).toBe(`'${formula}`);
    expect(csvCell('=HYPERLINK("x", "y")')).toBe(`"'=HYPERLINK(""x"", ""y"")"`);
    const csv = toCsv([row({ customerName: '=cmd|" /C calc"!A0', itemsSummary: '坚果, 混合×1；"精选"咖啡豆×2' })]);
    expect(csv).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(csv).toContain('"坚果, 混合×1；""精选""咖啡豆×2"');
  });

  it('exports the filtered orders to cloud storage, newest first, and audits it', async () => {
    const view = await bench.ok<ExportView>('order', OPERATOR, 'exportCsv', { status: 'PAID' });
    const paid = orders.filter((order) => order.status === 'PAID').sort((x, y) => y.createdAt - x.createdAt || (x._id < y._id ? 1 : -1));
    expect(view).toMatchObject({ rows: paid.length, capped: false, limit: EXPORT_ROW_LIMIT, fileID: expect.stringMatching(/^cloud:\/\/test\/exports\/orders-.*\.csv$/) });
    expect(view.url).toMatch(/^https:\/\/files\.test\//);
    const file = files.get(view.fileID)!;
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const lines = file.bytes.toString('utf8').split('\r\n');
    expect(lines[0].startsWith('\uFEFF订单号')).toBe(true);
    expect(lines.slice(1, -1).map((line) => line.split(',')[0])).toEqual(paid.map((order) => displayOrderNo(order)));
    expect(lines.slice(1, -1).every((line) => line.includes(',已支付,'))).toBe(true);
    expect(await audits('exportOrders')).toEqual([expect.objectContaining({ staffOpenid: OPERATOR, target: view.fileID, result: 'ok' })]);
  });

  it(`holds at most ${EXPORT_ROW_LIMIT} rows, newest first, and says it was capped`, async () => {
    const extra = makeOrders({ orders: EXPORT_ROW_LIMIT + 1, days: 5, now: START, stores: STORES, liveRoomIds: ['room-1'], members: 10, seed: 12 });
    for (const { _id, ...order } of extra) await bench.db.collection('orders').doc(`x${_id}`.slice(0, 32)).set({ ...order, requestKey: `x:${_id}`, status: 'SHIPPED' });
    const view = await bench.ok<ExportView>('order', OPERATOR, 'exportCsv', { status: 'SHIPPED' });
    expect(view).toMatchObject({ rows: EXPORT_ROW_LIMIT, capped: true });
    expect(files.get(view.fileID)!.bytes.toString('utf8').split('\r\n').length).toBe(EXPORT_ROW_LIMIT + 2);
  });
});
