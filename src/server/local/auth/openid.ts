/** What dev sign-in accepts as an openid: 1–64 of [A-Za-z0-9_-] (real openids are 28 such characters). */
const OPENID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export function isValidOpenid(value: unknown): value is string {
  return typeof value === 'string' && OPENID_PATTERN.test(value);
}
