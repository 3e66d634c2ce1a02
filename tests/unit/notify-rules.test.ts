import { backoffMs, chinaTime, classifyError, MAX_ATTEMPTS, outboxId, toLines, toWxData } from '../../src/core/notify/rules';
import { NOTIFY_TEMPLATES, pageFor, SUBSCRIBE_MOMENTS, TEMPLATE_KEYS } from '../../src/core/notify/templates';
import { createWxNotifier, subscribeSendRequest } from '../../src/server/services/notify/wx-notifier';
import type { SubscribeMessage } from '../../src/server/services/notify/port';

describe('notify rules', () => {
  it('backs off 1, 2, 4… minutes, capped at an hour', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffMs(20)).toBe(3_600_000);
    expect(MAX_ATTEMPTS).toBeGreaterThan(1);
  });

  it('classifies refused / invalid template as permanent, the rest as transient', () => {
    expect(classifyError(43101)).toBe('permanent');
    expect(classifyError(40037)).toBe('permanent');
    expect(classifyError(-1)).toBe('transient');
    expect(classifyError(42001)).toBe('transient');
    expect(classifyError('EXCEPTION')).toBe('transient');
  });

  it('builds WeChat data by keyword, clipped to the keyword limits', () => {
    const data = toWxData('orderPaid', { goods: '一二三四五六七八九十一二三四五六七八九十一二', amount: '39.00元', orderNo: 'o1', time: '2025-01-06 10:00' });
    expect(data).toEqual({
      thing1: { value: '一二三四五六七八九十一二三四五六七八九…' },
      amount2: { value: '39.00元' },
      character_string3: { value: 'o1' },
      time4: { value: '2025-01-06 10:00' },
    });
    expect([...data.thing1!.value].length).toBe(20);
    expect(toLines('orderPaid', { goods: '茶' })[0]).toEqual({ label: '商品', value: '茶' });
  });

  it('asks for at most 3 known templates per moment and fills pages', () => {
    for (const keys of Object.values(SUBSCRIBE_MOMENTS)) {
      expect(keys.length).toBeLessThanOrEqual(3);
      for (const key of keys) expect(TEMPLATE_KEYS).toContain(key);
    }
    expect(pageFor('orderPaid', 'o 1')).toBe('packages/trade/order/index?id=o%201');
    expect(NOTIFY_TEMPLATES.pointsExpiring.page).toBe(pageFor('pointsExpiring', null));
  });

  it('names outbox entries by their cause and formats China time', () => {
    expect(outboxId.paid('o1')).toBe('paid:o1');
    expect(outboxId.group('g1', 'u1', 'FAILED')).toBe('group:g1:u1:FAILED');
    expect(outboxId.expiring('u1', '2025-01-31')).toBe('expiring:u1:2025-01-31');
    expect(chinaTime(Date.UTC(2025, 0, 6, 2, 5))).toBe('2025-01-06 10:05');
  });
});

describe('WeChat notifier (SDK stubbed)', () => {
  const message: SubscribeMessage = {
    outboxId: 'paid:o1',
    touser: 'oUser',
    template: 'orderPaid',
    templateId: NOTIFY_TEMPLATES.orderPaid.templateId,
    page: 'packages/trade/order/index?id=o1',
    data: { goods: '乌龙茶', amount: '39.00元', orderNo: 'o1', time: '2025-01-06 10:00' },
  };

  it('calls subscribeMessage.send with WeChat field names', async () => {
    const calls: unknown[] = [];
    const notifier = createWxNotifier({ callWxOpenApi: async (options) => (calls.push(options), { result: { errcode: 0, errmsg: 'ok' } }) }, 'trial');
    expect(await notifier.send(message)).toEqual({ ok: true });
    expect(calls).toEqual([
      {
        apiName: 'subscribeMessage.send',
        requestData: {
          touser: 'oUser',
          template_id: 'siyu-order-paid',
          page: 'packages/trade/order/index?id=o1',
          data: { thing1: { value: '乌龙茶' }, amount2: { value: '39.00元' }, character_string3: { value: 'o1' }, time4: { value: '2025-01-06 10:00' } },
          miniprogram_state: 'trial',
          lang: 'zh_CN',
        },
      },
    ]);
    expect(subscribeSendRequest(message).miniprogram_state).toBe('formal');
  });

  it('answers WeChat errcodes from an object, a JSON string or a buffer', async () => {
    const answering = (result: unknown) => createWxNotifier({ callWxOpenApi: async () => ({ result }) });
    expect(await answering({ errcode: 43101, errmsg: 'user refuse to accept the msg' }).send(message)).toEqual({
      ok: false,
      code: 43101,
      message: 'user refuse to accept the msg',
    });
    expect(await answering(JSON.stringify({ errcode: 40037, errmsg: 'invalid template_id' })).send(message)).toMatchObject({ ok: false, code: 40037 });
    expect(await answering(Buffer.from('{"errcode":0,"errmsg":"ok"}')).send(message)).toEqual({ ok: true });
    expect(await answering('not json').send(message)).toMatchObject({ ok: false, code: -1 });
  });
});
