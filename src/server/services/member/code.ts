import { createHmac, timingSafeEqual } from 'crypto';

/**
 * The member code (会员码): `M1.<memberId>.<window>.<mac>`, where window is the
 * 30-second period and mac the first 16 bytes of HMAC-SHA256 over the rest,
 * base64url. Accepted in its own window and the next one, so a screenshot
 * is useless a minute later.
 */
export const MEMBER_CODE_PERIOD_MS = 30_000;
const VERSION = 'M1';
const MAC_BYTES = 16;
const MEMBER_ID = /^[A-Za-z0-9_-]{1,40}$/;
const CODE = /^M1\.([A-Za-z0-9_-]{1,40})\.(\d{1,15})\.([A-Za-z0-9_-]{22})$/;

export interface MemberCode {
  code: string;
  /** The end of the code's window: show a fresh one from then. */
  expiresAt: number;
}

export const windowOf = (now: number): number => Math.floor(now / MEMBER_CODE_PERIOD_MS);

export function memberCodeFor(secret: string, memberId: string, now: number): MemberCode {
  if (!MEMBER_ID.test(memberId)) throw new RangeError(`memberId not usable in a member code: ${memberId}`);
  const window = windowOf(now);
  const body = `${VERSION}.${memberId}.${window}`;
  return { code: `${body}.${mac(secret, body).toString('base64url')}`, expiresAt: (window + 1) * MEMBER_CODE_PERIOD_MS };
}

/** The member id of a genuine code of the current or previous window, else null. */
export function resolveMemberCode(secret: string, code: string, now: number): string | null {
  const match = CODE.exec(code.trim());
  if (!match) return null;
  const [, memberId, windowText, given] = match;
  const age = windowOf(now) - Number(windowText);
  if (age !== 0 && age !== 1) return null;
  const expected = mac(secret, `${VERSION}.${memberId}.${windowText}`);
  const actual = Buffer.from(given, 'base64url');
  // base64url decoding ignores the unused low bits of the last character: only the canonical spelling is genuine.
  const canonical = actual.toString('base64url') === given;
  return canonical && actual.length === expected.length && timingSafeEqual(actual, expected) ? memberId : null;
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);
}
