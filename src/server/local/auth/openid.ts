import { OPENID_PATTERN } from '../../../core/contracts/fields';

/** What dev sign-in accepts as an openid: the contracts' OpenId, 1–64 of [A-Za-z0-9_-] (real openids are 28 such characters). */
export function isValidOpenid(value: unknown): value is string {
  return typeof value === 'string' && OPENID_PATTERN.test(value);
}
