/** CloudBase refuses a function call whose text payload exceeds 100 KB. */
export const MAX_EVENT_BYTES = 100 * 1024;

/** UTF-8 size of the event as JSON, or null when it cannot be serialised (cycles, BigInt). */
export function jsonByteLength(value: unknown): number | null {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? 0 : Buffer.byteLength(text, 'utf8');
  } catch {
    return null;
  }
}
