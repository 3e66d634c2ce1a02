import { call } from '../../api';

/**
 * The server's clock as seen from here: `system.ping` answers `now`, and the
 * offset from the local clock (taken at the middle of the round trip) is kept
 * for countdowns to deadlines the server set (an unpaid order's expiresAt).
 */
let offsetMs = 0;
let syncing: Promise<void> | null = null;

/** Measures the offset once per app run; later calls share the first measurement. A failure keeps the local clock. */
export function syncServerClock(): Promise<void> {
  syncing ??= (async () => {
    try {
      const sentAt = Date.now();
      const { now } = await call('system', 'ping', {});
      const receivedAt = Date.now();
      offsetMs = now - Math.round((sentAt + receivedAt) / 2);
    } catch {
      offsetMs = 0;
      syncing = null;
    }
  })();
  return syncing;
}

/** Server clock − local clock, in ms (0 until measured). */
export const serverOffset = (): number => offsetMs;

/** The server's time now, in epoch ms. */
export const serverNow = (): number => Date.now() + offsetMs;

/** Tests start from a clean clock. */
export function resetServerClock(): void {
  offsetMs = 0;
  syncing = null;
}
