import { checkInStore } from '../../src/core/coupon/in-store';
import {
  formatMemberNumericCode,
  looksLikeMemberCode,
  luhnCheckDigit,
  MEMBER_CODE_PERIOD_MS,
  memberCodeWindowLive,
  normaliseMemberNumericCode,
} from '../../src/core/member/code-format';
import { numericMemberCodeFor } from '../../src/server/services/member/code';

describe('the numeric member code format', () => {
  const secret = 'test-secret-0123456789abcdef';

  it('is 18 digits from 8 with a Luhn check digit, deterministic per member, window and attempt', () => {
    const code = numericMemberCodeFor(secret, 'A1B2C3D4E5F6', 1000);
    expect(code).toMatch(/^8\d{17}$/);
    expect(normaliseMemberNumericCode(code)).toBe(code);
    expect(numericMemberCodeFor(secret, 'A1B2C3D4E5F6', 1000)).toBe(code);
    expect(numericMemberCodeFor(secret, 'A1B2C3D4E5F6', 1001)).not.toBe(code);
    expect(numericMemberCodeFor(secret, 'A1B2C3D4E5F7', 1000)).not.toBe(code);
    expect(numericMemberCodeFor(secret, 'A1B2C3D4E5F6', 1000, 1)).not.toBe(code);
    expect(numericMemberCodeFor('another-secret-0123456789', 'A1B2C3D4E5F6', 1000)).not.toBe(code);
  });

  it('reads what staff type: groups and dashes ignored, any single wrong digit or a swap refused', () => {
    const code = numericMemberCodeFor(secret, 'M42', 7);
    const shown = formatMemberNumericCode(code);
    expect(shown).toMatch(/^\d{4} \d{4} \d{4} \d{4} \d{2}$/);
    expect(normaliseMemberNumericCode(shown)).toBe(code);
    expect(normaliseMemberNumericCode(` ${code.slice(0, 9)}-${code.slice(9)} `)).toBe(code);
    for (let i = 1; i < code.length; i += 1) {
      const wrong = code.slice(0, i) + String((Number(code[i]) + 1) % 10) + code.slice(i + 1);
      expect(normaliseMemberNumericCode(wrong)).toBeNull();
    }
    const swapAt = [...code].findIndex((d, i) => i > 0 && i < code.length - 1 && d !== code[i + 1]);
    const swapped = code.slice(0, swapAt) + code[swapAt + 1] + code[swapAt] + code.slice(swapAt + 2);
    expect(normaliseMemberNumericCode(swapped)).toBeNull();
    expect(normaliseMemberNumericCode(code.slice(0, -1))).toBeNull();
    expect(normaliseMemberNumericCode(`7${code.slice(1)}`)).toBeNull();
  });

  it('Luhn: the card-number check digit', () => {
    expect(luhnCheckDigit('7992739871')).toBe('3');
    expect(luhnCheckDigit('4111111111111111'.slice(0, -1))).toBe('1');
  });

  it('tells a member code in either spelling from coupon (12 digits) and pickup (8 digits) codes', () => {
    expect(looksLikeMemberCode('M1.abc.1.x')).toBe(true);
    expect(looksLikeMemberCode('8123 4567 8901 2345 60')).toBe(true);
    expect(looksLikeMemberCode('123456789012')).toBe(false);
    expect(looksLikeMemberCode('12345678')).toBe(false);
  });

  it('a window is live in itself and the next, never ahead', () => {
    const window = 100;
    expect(memberCodeWindowLive(window, window * MEMBER_CODE_PERIOD_MS)).toBe(true);
    expect(memberCodeWindowLive(window, (window + 2) * MEMBER_CODE_PERIOD_MS - 1)).toBe(true);
    expect(memberCodeWindowLive(window, (window + 2) * MEMBER_CODE_PERIOD_MS)).toBe(false);
    expect(memberCodeWindowLive(window, window * MEMBER_CODE_PERIOD_MS - 1)).toBe(false);
  });
});

describe('a coupon against an in-store purchase', () => {
  it('applies from its threshold, taking what the rule takes', () => {
    const amount = { kind: 'amount' as const, amountOff: 1000, threshold: 9900 };
    expect(checkInStore(amount, 9899)).toEqual({ meets: false, threshold: 9900 });
    expect(checkInStore(amount, 9900)).toEqual({ meets: true, discount: 1000 });
    expect(checkInStore({ kind: 'percent', offBps: 1000, maxOff: 500, threshold: 0 }, 3000)).toEqual({ meets: true, discount: 300 });
    expect(checkInStore({ kind: 'percent', offBps: 1000, maxOff: 500, threshold: 0 }, 90000)).toEqual({ meets: true, discount: 500 });
    expect(checkInStore({ kind: 'amount', amountOff: 500, threshold: 0 }, 300)).toEqual({ meets: true, discount: 300 });
    expect(checkInStore({ kind: 'freeItem', skuId: 'sku-1', threshold: 0 }, 100)).toEqual({ meets: true, discount: 0 });
  });
});
