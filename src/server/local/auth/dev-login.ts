import { isIPv4 } from 'node:net';

/**
 * Whether the local cloud offers dev sign-in (sign in as anyone) and the
 * user list. `SIYU_DEV_LOGIN=1` turns it on, `0` off; unset, it is on only
 * while the server listens on loopback, where no one else can reach it.
 */
export function devLoginFromEnv(value: string | undefined): boolean | undefined {
  const setting = (value ?? '').trim();
  if (setting === '') return undefined;
  if (setting === '1') return true;
  if (setting === '0') return false;
  throw new Error(`SIYU_DEV_LOGIN must be 1 (on) or 0 (off), got ${JSON.stringify(value)}`);
}

export function isDevLoginEnabled(setting: boolean | undefined, listenHost: string): boolean {
  return setting ?? isLoopbackHost(listenHost);
}

/** 127.0.0.0/8, ::1 (also IPv4-mapped) and localhost; `0.0.0.0` and `::` listen on every interface. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (name === 'localhost' || name === '::1' || name === '0:0:0:0:0:0:0:1') return true;
  const v4 = name.startsWith('::ffff:') ? name.slice(7) : name;
  return isIPv4(v4) && v4.startsWith('127.');
}
