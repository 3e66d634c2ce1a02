import { extname } from 'node:path';
import { contentTypeOf } from '../http/content-types';

/** Names with a sha256 in them (uploads are stored as `images/<sha256>.<ext>`) never change content. */
const CONTENT_ADDRESSED = /(^|\/)[0-9a-f]{64}(\.[a-z0-9]+)?$/;
const ONE_YEAR_S = 365 * 24 * 3600;

const EXTRA_TYPES: Record<string, string> = { '.csv': 'text/csv; charset=utf-8' };
const INLINE_PREFIX = 'image/';

/**
 * Headers for a stored file. The type comes from the name (uploads are named
 * after their sniffed type); anything but an image downloads as an
 * attachment, and the sandboxing CSP keeps a stored SVG from running script.
 */
export function servedFileHeaders(path: string, size: number): Record<string, string | number> {
  const ext = extname(path).toLowerCase();
  const type = EXTRA_TYPES[ext] ?? contentTypeOf(path);
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': CONTENT_ADDRESSED.test(path) ? `public, max-age=${ONE_YEAR_S}, immutable` : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  };
  if (!type.startsWith(INLINE_PREFIX)) headers['Content-Disposition'] = `attachment; filename*=UTF-8''${encodeURIComponent(path.split('/').pop() ?? 'file')}`;
  return headers;
}
