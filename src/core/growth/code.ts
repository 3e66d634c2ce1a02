/**
 * Invite codes (邀请码). One per customer, given on first ask; it is also
 * their share code (the `sharer=` of share cards), so no openid ever leaves
 * the server. 8 characters of Crockford base32 (40 random bits): short
 * enough for a mini-program code's scene (≤ 32 visible characters), with no
 * 0/O or 1/I to confuse when read out.
 */

export const INVITE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_CODE_LENGTH = 8;
const INVITE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/** A code as typed or scanned, normalised: trimmed, upper case, O→0 and I/L→1 (Crockford's reading). */
export function normaliseInviteCode(raw: string): string {
  return raw.trim().toUpperCase().replace(/O/g, '0').replace(/[IL]/g, '1');
}

export function isInviteCode(code: string): boolean {
  return INVITE_CODE_PATTERN.test(code);
}

/** A code from random bytes (at least 8): one alphabet character per byte's low 5 bits. */
export function inviteCodeFromBytes(bytes: ArrayLike<number>): string {
  if (bytes.length < INVITE_CODE_LENGTH) throw new RangeError(`need ${INVITE_CODE_LENGTH} bytes, got ${bytes.length}`);
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i += 1) code += INVITE_CODE_ALPHABET[bytes[i] & 31];
  return code;
}

/** The page an invite opens (the landing page binds at first sign-in). */
export const INVITE_LANDING_PAGE = 'packages/growth/landing/index';

/** The invite link's path (mini-program path; on H5 the hash route of the same page). */
export function invitePath(code: string): string {
  return `/${INVITE_LANDING_PAGE}?invite=${code}`;
}

/**
 * The mini-program code's scene: the code itself (8 ≤ 32 characters). WeChat
 * passes it to the landing page as `scene` (URL-encoded).
 */
export function inviteScene(code: string): string {
  return code;
}

/**
 * Masks a nickname for other customers: the first character and two stars
 * ("张**"); a one-character name becomes "*". Characters, not UTF-16 units,
 * so an emoji is never cut in half.
 */
export function maskNickname(nickname: string | null | undefined): string {
  const chars = [...(nickname ?? '').trim()];
  if (chars.length === 0) return '微信用户';
  if (chars.length === 1) return '*';
  return `${chars[0]}**`;
}
