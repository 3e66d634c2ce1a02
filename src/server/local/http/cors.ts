import { isIP } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Who may call `/api/*`. A browser attaches `Origin` to every cross-site
 * request (even the "simple" text/plain POSTs that skip preflight), so an
 * `Origin` other than the server's own is refused before any route runs.
 * The server's own origin is the `Host` it is reached at, but only under a
 * name it answers to (localhost, an IP literal, its listening host, a
 * configured origin): otherwise a DNS-rebinding page at evil.example:8787
 * would count as same-origin.
 */
export interface OriginPolicy {
  /** Full origins (`http://127.0.0.1:10086`) besides the server's own, e.g. the H5 dev server. */
  allowedOrigins: ReadonlySet<string>;
  /** Host names besides localhost and IP literals the server answers to (its listening host). */
  allowedHostnames: ReadonlySet<string>;
}

export type CallerVerdict =
  | { allowed: true; /** The origin to echo in CORS headers; null when same-origin or no Origin. */ corsOrigin: string | null }
  | { allowed: false; code: 'ORIGIN_NOT_ALLOWED' | 'HOST_NOT_ALLOWED'; message: string };

const PREFLIGHT_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

export function createOriginPolicy(allowedOrigins: readonly string[], listenHost: string): OriginPolicy {
  const origins = new Set<string>();
  const hostnames = new Set<string>([normalHostname(listenHost)]);
  for (const origin of allowedOrigins) {
    const url = parseOrigin(origin);
    if (!url) throw new Error(`allowed origin ${JSON.stringify(origin)} is not an http(s) origin like http://127.0.0.1:10086`);
    origins.add(url.origin);
    hostnames.add(normalHostname(url.hostname));
  }
  return { allowedOrigins: origins, allowedHostnames: hostnames };
}

/** `SIYU_ALLOWED_ORIGINS=http://127.0.0.1:10086,http://localhost:10086` → the list. */
export function allowedOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
}

export function checkApiCaller(req: IncomingMessage, policy: OriginPolicy): CallerVerdict {
  const host = req.headers.host;
  const own = host ? parseOrigin(`http://${host}`) : null;
  if (own && !isKnownHostname(own.hostname, policy)) {
    return { allowed: false, code: 'HOST_NOT_ALLOWED', message: `不接受主机名 ${own.hostname} / host not allowed` };
  }
  const origin = req.headers.origin;
  if (origin === undefined) return { allowed: true, corsOrigin: null };
  const caller = parseOrigin(origin);
  if (caller && own && caller.origin === own.origin) return { allowed: true, corsOrigin: null };
  if (caller && policy.allowedOrigins.has(caller.origin)) return { allowed: true, corsOrigin: caller.origin };
  return { allowed: false, code: 'ORIGIN_NOT_ALLOWED', message: '不接受来自其他网站的请求 / requests from other origins are refused' };
}

/** Echoes an allowed cross-origin caller; never `*`. */
export function applyCors(res: ServerResponse, corsOrigin: string | null): void {
  res.setHeader('Vary', 'Origin');
  if (corsOrigin) res.setHeader('Access-Control-Allow-Origin', corsOrigin);
}

export function answerPreflight(res: ServerResponse, corsOrigin: string | null): void {
  res.writeHead(204, corsOrigin ? PREFLIGHT_HEADERS : {});
  res.end();
}

function isKnownHostname(hostname: string, policy: OriginPolicy): boolean {
  const name = normalHostname(hostname);
  return name === 'localhost' || name.endsWith('.localhost') || isIP(name) !== 0 || policy.allowedHostnames.has(name);
}

/** `[::1]` → `::1`, lower case: the form `isIP` and the allow list use. */
function normalHostname(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
}

function parseOrigin(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
