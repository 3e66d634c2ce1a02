import type { z } from 'zod';
import {
  ContactPhone,
  EpochMs,
  FenAmount,
  FieldReason,
  Id,
  MobilePhone,
  MultiLineText,
  OpenId,
  OrderId,
  RequestId,
  ScannedCode,
  SingleLineText,
  textProblem,
} from '../../src/core/contracts/fields';
import { JoinInput } from '../../src/core/contracts/member';
import { CreateOrderInput, ShipOrderInput } from '../../src/core/contracts/order';
import { StaffRoleInput } from '../../src/core/contracts/staff';
import { CreateActivityInput } from '../../src/core/contracts/groupbuy';
import { CreateFlashSaleInput } from '../../src/core/contracts/flashsale';
import { validateInput } from '../../src/server/kit/validate';

const reasonsOf = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => (issue.code === 'custom' && typeof issue.params?.reason === 'string' ? issue.params.reason : issue.code));
};

const BAD_TEXT: Array<[string, string, string]> = [
  ['NUL', 'a\u0000b', FieldReason.TextControlChars],
  ['ESC', 'a\u001b[31mb', FieldReason.TextControlChars],
  ['DEL', 'a\u007fb', FieldReason.TextControlChars],
  ['a C1 control', 'a\u0085b', FieldReason.TextControlChars],
  ['a line separator', 'a\u2028b', FieldReason.TextControlChars],
  ['a BOM inside', 'a\ufeffb', FieldReason.TextControlChars],
  ['right-to-left override U+202E', '\u202Etxt.exe', FieldReason.TextBidiControl],
  ['left-to-right embedding U+202A', 'a\u202Ab', FieldReason.TextBidiControl],
  ['first strong isolate U+2068', 'a\u2068b', FieldReason.TextBidiControl],
  ['pop directional isolate U+2069', 'a\u2069b', FieldReason.TextBidiControl],
  ['left-to-right mark U+200E', 'a\u200Eb', FieldReason.TextBidiControl],
  ['right-to-left mark U+200F', 'a\u200Fb', FieldReason.TextBidiControl],
  ['a lone high surrogate', 'a\uD83Db', FieldReason.TextLoneSurrogate],
  ['a lone low surrogate', '\uDE00ab', FieldReason.TextLoneSurrogate],
  ['a trailing high surrogate', '小思\uD83D', FieldReason.TextLoneSurrogate],
];

const GOOD_TEXT: Array<[string, string]> = [
  ['Chinese', '小思的店'],
  ['Chinese with punctuation', '杭州市西湖区文三路 90 号（近学院路）'],
  ['emoji (a surrogate pair)', '小思😀'],
  ['an emoji ZWJ sequence', '👨‍👩‍👧'],
  ['an emoji with a variation selector', '❤️'],
  ['a flag (two regional indicators)', '🇨🇳'],
  ['ASCII', 'SF1234567890'],
  ['Japanese and Korean', 'こんにちは 안녕'],
];

describe('text refinements', () => {
  it.each(BAD_TEXT)('SingleLineText refuses %s with its reason', (_name, value, reason) => {
    expect(reasonsOf(SingleLineText(40), value)).toEqual([reason]);
    expect(reasonsOf(MultiLineText(40), value)).toEqual([reason]);
    expect(reasonsOf(ScannedCode(40), value)).toEqual([reason]);
  });

  it.each(GOOD_TEXT)('accepts %s', (_name, value) => {
    expect(SingleLineText(40).parse(value)).toBe(value);
    expect(MultiLineText(40).parse(value)).toBe(value);
  });

  it('single-line text refuses newlines and tabs; multi-line text keeps them (CRLF becomes LF)', () => {
    expect(reasonsOf(SingleLineText(40), 'a\nb')).toEqual([FieldReason.TextControlChars]);
    expect(reasonsOf(SingleLineText(40), 'a\tb')).toEqual([FieldReason.TextControlChars]);
    expect(reasonsOf(SingleLineText(40), 'a\rb')).toEqual([FieldReason.TextControlChars]);
    expect(MultiLineText(40).parse('第一行\r\n第二行\t尾')).toBe('第一行\n第二行\t尾');
    expect(reasonsOf(MultiLineText(40), 'a\u0000\nb')).toEqual([FieldReason.TextControlChars]);
  });

  it('trims, and keeps the min/max the caller chains', () => {
    expect(SingleLineText(5).parse('  小思  ')).toBe('小思');
    expect(reasonsOf(SingleLineText(5, 1), '   ')).toEqual(['too_small']);
    expect(reasonsOf(SingleLineText(2), '小思店')).toEqual(['too_big']);
    expect(JoinInput.safeParse({ nickname: '' }).error?.issues[0].message).toBe('请填写昵称');
  });

  it('textProblem is the same rule for forms', () => {
    expect(textProblem('ok 😀')).toBeNull();
    expect(textProblem('a\nb')).toBe(FieldReason.TextControlChars);
    expect(textProblem('a\nb', { multiline: true })).toBeNull();
    expect(textProblem('\u202E')).toBe(FieldReason.TextBidiControl);
  });
});

describe('id refinements', () => {
  it.each(['o_0abc123def456ghi789j', 'sku-tea-s', 'store-demo', 'paid:o_1', 'tpl-90off', '42', 'a.b'])('Id accepts %s', (id) => {
    expect(Id.parse(id)).toBe(id);
  });

  it.each(['', ' ', '../../etc/passwd', '..', 'a/b', 'a b', 'a\u0000', '小思', '-leading', 'x'.repeat(65), 'a\u202Eb'])('Id refuses %j with INVALID_ID', (id) => {
    expect(reasonsOf(Id, id)).toEqual([FieldReason.InvalidId]);
  });

  it('OpenId takes real (28 of [A-Za-z0-9_-]), demo and dev sign-in openids, nothing else', () => {
    for (const openid of ['oAbCdEfGhIjKlMnOpQrStUvWxY12', 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M', 'demo-customer', 'u1', 'a'.repeat(64)]) {
      expect(OpenId.parse(openid)).toBe(openid);
    }
    for (const openid of ['../../etc/passwd', '', 'a'.repeat(65), 'a.b', 'a:b', 'a b', 'ｏｐｅｎｉｄ', 'a\u0000']) {
      expect({ openid, reasons: reasonsOf(OpenId, openid) }).toEqual({ openid, reasons: [FieldReason.InvalidId] });
    }
  });

  it('OrderId fits out_trade_no (32); RequestId is 8–64 of [A-Za-z0-9_-]', () => {
    expect(reasonsOf(OrderId, 'o'.repeat(33))).toEqual([FieldReason.InvalidId]);
    expect(OrderId.parse('o'.repeat(32))).toHaveLength(32);
    expect(RequestId.parse('req-12345')).toBe('req-12345');
    expect(reasonsOf(RequestId, 'short')).toEqual([FieldReason.InvalidId]);
    expect(RequestId.safeParse('short').error?.issues[0].message).toBe('requestId 应为 8–64 位字母、数字、_ 或 -');
  });
});

describe('time, money and phone refinements', () => {
  it('EpochMs is an integer between 2000 and 2100', () => {
    expect(EpochMs.parse(Date.UTC(2026, 0, 1))).toBe(Date.UTC(2026, 0, 1));
    for (const ms of [-1, 0, 1, Date.UTC(1999, 11, 31), Date.UTC(2100, 0, 1), 8.64e15]) {
      expect({ ms, reasons: reasonsOf(EpochMs, ms) }).toEqual({ ms, reasons: [FieldReason.InvalidTime] });
    }
    expect(reasonsOf(EpochMs, 1.5e12 + 0.5)).toContain('invalid_type');
  });

  it('FenAmount is integer fen from 0 to ¥1,000,000', () => {
    expect(FenAmount.parse(0)).toBe(0);
    expect(FenAmount.parse(100_000_000)).toBe(100_000_000);
    expect(reasonsOf(FenAmount, -1)).toEqual([FieldReason.InvalidAmount]);
    expect(reasonsOf(FenAmount, 100_000_001)).toEqual([FieldReason.InvalidAmount]);
  });

  it('phones', () => {
    expect(MobilePhone.parse('13800000000')).toBe('13800000000');
    expect(reasonsOf(MobilePhone, '1380000000\u0000')).toEqual([FieldReason.InvalidPhone]);
    expect(ContactPhone.parse('+86 571-8888')).toBe('+86 571-8888');
    expect(reasonsOf(ContactPhone, '138\u202E0000')).toEqual([FieldReason.InvalidPhone]);
  });
});

describe('the contracts use them', () => {
  const address = { name: '小思', phone: '13800000000', region: '浙江省 杭州市', detail: '文三路 90 号' };
  const order = { items: [{ skuId: 'sku-tea-s', quantity: 1 }], fulfillment: { type: 'delivery', address }, requestId: 'req-12345' };

  it('nickname, address, tracking number, openid, times', () => {
    expect(reasonsOf(JoinInput, { nickname: '小\u0000思' })).toEqual([FieldReason.TextControlChars]);
    expect(JoinInput.parse({ nickname: '小思😀' }).nickname).toBe('小思😀');
    expect(CreateOrderInput.safeParse(order).success).toBe(true);
    expect(reasonsOf(CreateOrderInput, { ...order, fulfillment: { type: 'delivery', address: { ...address, detail: '文三路\u202E号' } } })).toEqual([
      FieldReason.TextBidiControl,
    ]);
    expect(reasonsOf(ShipOrderInput, { orderId: 'o_1', trackingNo: 'SF1\u0000' })).toEqual([FieldReason.TextControlChars]);
    expect(reasonsOf(StaffRoleInput, { openid: '../../etc/passwd', storeId: 'store-demo' })).toEqual([FieldReason.InvalidId]);
    const activity = { skuId: 'sku-tea-s', groupPrice: 1, groupSize: 2, timeLimitMinutes: 60, perMemberLimit: 1, startAt: -1, endAt: Date.UTC(2026, 0, 1) };
    expect(reasonsOf(CreateActivityInput, activity)).toEqual([FieldReason.InvalidTime]);
    const sale = { skuId: 'sku-tea-s', salePrice: 1, quantity: 1, startAt: Date.UTC(2026, 0, 1), endAt: Date.UTC(2200, 0, 1), perMemberLimit: 1, title: '\uD800' };
    expect(reasonsOf(CreateFlashSaleInput, sale).sort()).toEqual([FieldReason.InvalidTime, FieldReason.TextLoneSurrogate].sort());
  });

  it('the kit reports each field with its path and reason', async () => {
    const result = await validateInput(JoinInput, { nickname: '小\u0000思', phone: '123' });
    expect(result).toEqual({
      ok: false,
      fields: [
        { path: 'nickname', message: '不能包含控制字符或换行', reason: FieldReason.TextControlChars },
        { path: 'phone', message: '手机号格式不正确', reason: FieldReason.InvalidPhone },
      ],
    });
    const builtIn = await validateInput(JoinInput, {});
    expect(builtIn.ok === false && builtIn.fields[0]).not.toHaveProperty('reason');
  });
});
