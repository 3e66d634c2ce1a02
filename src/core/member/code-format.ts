/**
 * The member code (会员码) in its two spellings, defined once for the page
 * that shows it, the scanner that reads it and the server that checks it.
 *
 * - The QR payload `M1.<memberId>.<window>.<mac>`: window is the 30-second
 *   period, mac 16 bytes of HMAC-SHA256 over the rest in base64url.
 * - The numeric code under the QR, for staff to type: 18 digits like a
 *   payment code, shown 4-4-4-4-2. `8`, 16 digits drawn from the same HMAC
 *   key, and a Luhn check digit (a mistyped digit is caught before asking
 *   the server). The server keeps which member a live numeric code belongs to.
 *
 * Both are accepted in their own window and the next, so a screenshot is
 * useless a minute later.
 */
export const MEMBER_CODE_PERIOD_MS = 30_000;

export const MEMBER_QR_VERSION = 'M1';
export const MEMBER_QR_PREFIX = `${MEMBER_QR_VERSION}.`;
export const MEMBER_ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;
/** Captures memberId, window, mac. */
export const MEMBER_QR_PATTERN = /^M1\.([A-Za-z0-9_-]{1,40})\.(\d{1,15})\.([A-Za-z0-9_-]{22})$/;

export const MEMBER_NUMERIC_PREFIX = '8';
export const MEMBER_NUMERIC_LENGTH = 18;
/** Digits between the prefix and the check digit. */
export const MEMBER_NUMERIC_BODY_DIGITS = MEMBER_NUMERIC_LENGTH - MEMBER_NUMERIC_PREFIX.length - 1;

export const memberCodeWindowOf = (now: number): number => Math.floor(now / MEMBER_CODE_PERIOD_MS);

/** A code of `window` is accepted until the end of the next window. */
export const memberCodeAcceptedUntil = (window: number): number => (window + 2) * MEMBER_CODE_PERIOD_MS;

/** Whether a code of `window` is accepted at `now`: its own window or the next, never a future one. */
export function memberCodeWindowLive(window: number, now: number): boolean {
  const age = memberCodeWindowOf(now) - window;
  return age === 0 || age === 1;
}

export const looksLikeMemberQr = (text: string): boolean => text.trim().startsWith(MEMBER_QR_PREFIX);

/** The window a QR payload claims (unverified), or null when it is not one. */
export function memberQrWindow(text: string): number | null {
  const match = MEMBER_QR_PATTERN.exec(text.trim());
  return match ? Number(match[2]) : null;
}

/** Spaces and dashes staff type between groups are ignored. */
const SEPARATORS = /[\s-]/g;
const NUMERIC_SHAPE = new RegExp(`^${MEMBER_NUMERIC_PREFIX}\\d{${MEMBER_NUMERIC_LENGTH - 1}}$`);

/**
 * The 18 digits of a numeric member code as typed ("8123 4567 …"), or null
 * when it is not one: wrong length, wrong prefix or a failed check digit.
 */
export function normaliseMemberNumericCode(text: string): string | null {
  const digits = text.replace(SEPARATORS, '');
  if (!NUMERIC_SHAPE.test(digits)) return null;
  return luhnCheckDigit(digits.slice(0, -1)) === digits.slice(-1) ? digits : null;
}

/**
 * Shaped like a numeric member code (18 digits from `8`), check digit or not:
 * a mistyped one is still a member code, refused as such (MEMBER_CODE_INVALID)
 * rather than looked for among coupons and pickups.
 */
export const looksLikeMemberNumericCode = (text: string): boolean => NUMERIC_SHAPE.test(text.replace(SEPARATORS, ''));

/** Either spelling of a member code. */
export const looksLikeMemberCode = (text: string): boolean => looksLikeMemberQr(text) || looksLikeMemberNumericCode(text);

/** The full numeric code from its body digits: prefix + body + Luhn check digit. */
export function memberNumericCodeOf(body: string): string {
  if (body.length !== MEMBER_NUMERIC_BODY_DIGITS || !/^\d+$/.test(body)) throw new RangeError(`numeric member code body must be ${MEMBER_NUMERIC_BODY_DIGITS} digits`);
  const partial = MEMBER_NUMERIC_PREFIX + body;
  return partial + luhnCheckDigit(partial);
}

/** "812345678901234567" → "8123 4567 8901 2345 67", as the page shows it. */
export function formatMemberNumericCode(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The Luhn (mod 10) check digit of `digits`, as payment cards use. */
export function luhnCheckDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}
