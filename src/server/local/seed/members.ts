import type { SeedDocuments } from './types';

/** Demo member tiers, join gift and settings (members and points). */
export function memberSeed(_now: number): SeedDocuments {
  return {};
}
