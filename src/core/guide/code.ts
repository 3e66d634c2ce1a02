/**
 * Guide codes (导购码): one per (guide, store), 8 characters of Crockford
 * base32 with a `G` in front, so it never reads as an invite code. It fits a
 * mini-program code's scene (≤ 32 characters) and a link's `guide=`; no
 * openid leaves the server.
 */

export const GUIDE_CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const GUIDE_CODE_PATTERN = /^G[0-9A-HJKMNP-TV-Z]{8}$/;

/** Trimmed, upper case, O→0 and I/L→1 after the leading G (Crockford's reading). */
export function normaliseGuideCode(raw: string): string {
  const upper = raw.trim().toUpperCase();
  if (!upper.startsWith('G')) return upper;
  return `G${upper.slice(1).replace(/O/g, '0').replace(/[IL]/g, '1')}`;
}

export const isGuideCode = (code: string): boolean => GUIDE_CODE_PATTERN.test(code);

/** A code from at least 8 bytes (a hash): one alphabet character per byte's low 5 bits. */
export function guideCodeFromBytes(bytes: ArrayLike<number>): string {
  if (bytes.length < 8) throw new RangeError(`need 8 bytes, got ${bytes.length}`);
  let code = 'G';
  for (let i = 0; i < 8; i += 1) code += GUIDE_CODE_ALPHABET[bytes[i] & 31];
  return code;
}

/** The page a guide's link and QR open: the home page; the app binds `guide=` at launch (utils/guide-link). */
export const GUIDE_LANDING_PAGE = 'pages/home/index';

export const guidePath = (code: string): string => `/${GUIDE_LANDING_PAGE}?guide=${code}`;

/** The `guide=` of a query string or a path (`a=1&guide=G…`, `/x?guide=G…`), normalised; null when absent or malformed. */
export function guideCodeOfQuery(search: string | null | undefined): string | null {
  if (!search) return null;
  const match = /(?:^|[?&#])guide=([^&#]*)/.exec(search);
  if (!match) return null;
  let raw = match[1];
  try {
    raw = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const code = normaliseGuideCode(raw);
  return isGuideCode(code) ? code : null;
}
