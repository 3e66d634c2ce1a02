import { createHmac, timingSafeEqual } from 'node:crypto';
import { isValidOpenid } from './openid';

export const TOKEN_TTL_MS = 7 * 24 * 60 * 60 * 1000;

interface TokenClaims {
  sub: string;
  iat: number;
}

/** `base64url(claims).base64url(HMAC-SHA256(secret, base64url(claims)))`. */
export function signToken(secret: Buffer, openid: string, issuedAt: number): string {
  const payload = Buffer.from(JSON.stringify({ sub: openid, iat: issuedAt } satisfies TokenClaims)).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** Tokens whose signature was checked, per secret: a signed-in client sends the same one on every call. */
const verifiedBySecret = new WeakMap<Buffer, Map<string, TokenClaims>>();
const MAX_VERIFIED = 10_000;

/** The openid a token was issued to, or null when it is malformed, forged or expired. */
export function verifyToken(secret: Buffer, token: string, now: number): string | null {
  let verified = verifiedBySecret.get(secret);
  if (!verified) verifiedBySecret.set(secret, (verified = new Map()));
  // The HMAC and the JSON are the same every time for the same token; only the expiry depends on now.
  const claims = verified.get(token) ?? checkSignature(secret, token);
  if (!claims) return null;
  if (claims.iat > now + 60_000 || now - claims.iat >= TOKEN_TTL_MS) {
    verified.delete(token);
    return null;
  }
  if (!verified.has(token)) {
    if (verified.size >= MAX_VERIFIED) verified.clear();
    verified.set(token, claims);
  }
  return claims.sub;
}

function checkSignature(secret: Buffer, token: string): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 2) return null;
  const [payload, signature] = parts;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return parseClaims(payload);
}

/** The token from an `Authorization: Bearer <token>` header value. */
export function bearerToken(header: string | undefined): string | null {
  const match = header && /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}

function mac(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

function parseClaims(payload: string): TokenClaims | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (typeof claims !== 'object' || claims === null) return null;
    const { sub, iat } = claims as Record<string, unknown>;
    if (!isValidOpenid(sub) || typeof iat !== 'number' || !Number.isFinite(iat)) return null;
    return { sub, iat };
  } catch {
    return null;
  }
}
