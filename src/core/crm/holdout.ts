/**
 * Target or holdout (对照组), decided by a hash of (campaign id, openid):
 * the same member is always in the same arm of a campaign, on any run,
 * without storing a random draw. cyrb53: a fast 53-bit string hash whose
 * low bits are uniform enough for percentages (tests check ±3 points at 10,000).
 */
export type Arm = 'target' | 'holdout';

export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A member is in the holdout when their bucket (0–9,999) falls below holdoutPct × 100. */
export function armOf(campaignId: string, openid: string, holdoutPct: number): Arm {
  const bucket = hash53(`${campaignId}\n${openid}`) % 10_000;
  return bucket < Math.round(holdoutPct * 100) ? 'holdout' : 'target';
}
