// Countdown arithmetic of the H5 Countdown; the same rules as src/native/countdown/index.js
// (tests/native checks that both render the same text).

/** Whole seconds until `deadline` (server clock), rounded up; 0 once it has passed. */
export function secondsLeft(deadline: number, offset: number, clientNow: number): number {
  const ms = deadline - (clientNow + offset)
  return ms > 0 ? Math.ceil(ms / 1000) : 0
}

/** Milliseconds until the displayed second changes (at least one frame). */
export function msToNextSecond(deadline: number, offset: number, clientNow: number): number {
  const ms = deadline - (clientNow + offset)
  return Math.max(ms - (Math.ceil(ms / 1000) - 1) * 1000, 16)
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/** 90 → "01:30"; 10925 → "03:02:05" (hours only from one hour on). */
export function formatSeconds(total: number): string {
  const hours = Math.floor(total / 3600)
  const mmss = `${pad2(Math.floor((total % 3600) / 60))}:${pad2(total % 60)}`
  return hours > 0 ? `${pad2(hours)}:${mmss}` : mmss
}
