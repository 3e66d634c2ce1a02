import { createHmac, timingSafeEqual } from 'crypto';
import {
  MEMBER_CODE_PERIOD_MS,
  MEMBER_ID_PATTERN,
  MEMBER_NUMERIC_BODY_DIGITS,
  MEMBER_QR_PATTERN,
  MEMBER_QR_VERSION,
  memberCodeWindowLive,
  memberCodeWindowOf,
  memberNumericCodeOf,
} from '../../../core/member/code-format';

/**
 * The member code's cryptography (the format is in src/core/member/code-format):
 * the QR payload's mac, and the digits of the numeric code, both HMAC-SHA256
 * under the member-code secret.
 */
export { MEMBER_CODE_PERIOD_MS };
const MAC_BYTES = 16;

export interface MemberCode {
  code: string;
  /** The end of the code's window: show a fresh one from then. */
  expiresAt: number;
}

export const windowOf = memberCodeWindowOf;

export function memberCodeFor(secret: string, memberId: string, now: number): MemberCode {
  if (!MEMBER_ID_PATTERN.test(memberId)) throw new RangeError(`memberId not usable in a member code: ${memberId}`);
  const window = windowOf(now);
  const body = `${MEMBER_QR_VERSION}.${memberId}.${window}`;
  return { code: `${body}.${mac(secret, body).toString('base64url')}`, expiresAt: (window + 1) * MEMBER_CODE_PERIOD_MS };
}

/** The member id of a genuine code of the current or previous window, else null. */
export function resolveMemberCode(secret: string, code: string, now: number): string | null {
  const match = MEMBER_QR_PATTERN.exec(code.trim());
  if (!match) return null;
  const [, memberId, windowText, given] = match;
  if (!memberCodeWindowLive(Number(windowText), now)) return null;
  const expected = mac(secret, `${MEMBER_QR_VERSION}.${memberId}.${windowText}`);
  const actual = Buffer.from(given, 'base64url');
  // base64url decoding ignores the unused low bits of the last character: only the canonical spelling is genuine.
  const canonical = actual.toString('base64url') === given;
  return canonical && actual.length === expected.length && timingSafeEqual(actual, expected) ? memberId : null;
}

/**
 * The numeric code of `memberId` in `window`: deterministic, so every ask in
 * a window shows the same digits; `attempt` > 0 only after those digits were
 * found taken by another member's live code.
 */
export function numericMemberCodeFor(secret: string, memberId: string, window: number, attempt = 0): string {
  const digest = createHmac('sha256', secret).update(`N1.${memberId}.${window}.${attempt}`).digest();
  const body = (digest.readBigUInt64BE(0) % 10n ** BigInt(MEMBER_NUMERIC_BODY_DIGITS)).toString().padStart(MEMBER_NUMERIC_BODY_DIGITS, '0');
  return memberNumericCodeOf(body);
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);
}
