/**
 * Time left as the countdown shows it: "14:59" under an hour, "1:02:03" above.
 * Whole seconds rounded up, so "00:00" appears only once the deadline is reached.
 */
export function formatCountdown(msLeft: number): string {
  const total = Math.max(0, Math.ceil(msLeft / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${pad(minutes)}:${pad(seconds)}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

const pad = (n: number): string => String(n).padStart(2, '0');
