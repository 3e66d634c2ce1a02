import { randomBytes } from 'crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 12;
/** The largest multiple of 36 below 256: bytes at or above it are skipped so every character is equally likely. */
const UNBIASED_LIMIT = 252;

/**
 * A unique, roughly time-ordered id: `<prefix>_<ms in base36, 8 chars><12 random chars>`.
 * With a prefix of up to 11 characters it fits WeChat Pay's 32-character out_trade_no.
 */
export function newId(prefix: string, now: number = Date.now()): string {
  if (!/^[a-z][a-z0-9]*$/i.test(prefix)) throw new Error(`newId: invalid prefix "${prefix}"`);
  return `${prefix}_${now.toString(36).padStart(8, '0')}${randomChars(RANDOM_LENGTH)}`;
}

function randomChars(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length)) {
      if (byte < UNBIASED_LIMIT && out.length < length) out += ALPHABET[byte % 36];
    }
  }
  return out;
}
