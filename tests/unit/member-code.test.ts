import { MEMBER_CODE_PERIOD_MS, memberCodeFor, resolveMemberCode } from '../../src/server/services/member/code';

describe('member code', () => {
  const secret = 'test-secret-0123456789abcdef';
  const start = Date.UTC(2025, 0, 6, 2, 0, 0); // a window boundary (divisible by 30 s)
  const period = MEMBER_CODE_PERIOD_MS;

  it('is compact and carries the member id and the window', () => {
    const { code, expiresAt } = memberCodeFor(secret, 'A1B2C3D4E5F6', start + 1000);
    expect(code).toMatch(/^M1\.A1B2C3D4E5F6\.\d+\.[A-Za-z0-9_-]{22}$/);
    expect(code.length).toBeLessThanOrEqual(50);
    expect(expiresAt).toBe(start + period);
  });

  it('is accepted in its own window and the next, refused two windows on', () => {
    const { code } = memberCodeFor(secret, 'M42', start + 29_000);
    expect(resolveMemberCode(secret, code, start)).toBe('M42');
    expect(resolveMemberCode(secret, code, start + period - 1)).toBe('M42');
    expect(resolveMemberCode(secret, code, start + period)).toBe('M42');
    expect(resolveMemberCode(secret, code, start + 2 * period - 1)).toBe('M42');
    expect(resolveMemberCode(secret, code, start + 2 * period)).toBeNull();
    expect(resolveMemberCode(secret, code, start + 10 * period)).toBeNull();
  });

  it('refuses a code from the future (a clock cannot be moved forward to pre-make codes)', () => {
    const { code } = memberCodeFor(secret, 'M42', start + period);
    expect(resolveMemberCode(secret, code, start)).toBeNull();
  });

  it('refuses tampering: another member id, another window, another mac, another secret', () => {
    const { code } = memberCodeFor(secret, 'M42', start);
    const [version, memberId, window, mac] = code.split('.');
    expect(memberId).toBe('M42');
    expect(resolveMemberCode(secret, [version, 'M43', window, mac].join('.'), start)).toBeNull();
    expect(resolveMemberCode(secret, [version, memberId, String(Number(window) + 1), mac].join('.'), start + period)).toBeNull();
    const flipped = (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1);
    expect(resolveMemberCode(secret, [version, memberId, window, flipped].join('.'), start)).toBeNull();
    expect(resolveMemberCode('another-secret-0123456789', code, start)).toBeNull();
    expect(resolveMemberCode(secret, `M2.${memberId}.${window}.${mac}`, start)).toBeNull();
    expect(resolveMemberCode(secret, 'garbage', start)).toBeNull();
    // The last character of 16 bytes in base64url carries 4 unused bits: any other spelling decodes alike but is refused.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(mac[mac.length - 1]);
    for (let low = 1; low < 16; low += 1) {
      const respelled = mac.slice(0, -1) + alphabet[last ^ low];
      expect(resolveMemberCode(secret, [version, memberId, window, respelled].join('.'), start)).toBeNull();
    }
    expect(resolveMemberCode(secret, `${code}x`, start)).toBeNull();
  });
});
