const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A fresh idempotency key for one write intent (a tap on 加入购物车, one
 * checkout attempt): 24 characters of [A-Za-z0-9_-], the server's format
 * (8–64). The time prefix keeps keys from different sessions apart; the
 * random tail keeps keys made in the same millisecond apart.
 */
export function newRequestId(): string {
  let tail = '';
  for (let i = 0; i < 14; i += 1) tail += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return `${Date.now().toString(36)}-${tail}`.slice(0, 64);
}

export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
