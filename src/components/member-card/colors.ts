/** Card colours of the default tiers (src/core/member/tiers.ts); operators' own tiers take one by rank. */
const BY_ID: Record<string, string> = {
  normal: '#5b6b82',
  silver: '#9aa4b1',
  gold: '#c8963e',
  black: '#23232b'
}
const BY_RANK = ['#5b6b82', '#9aa4b1', '#c8963e', '#23232b', '#7b61ff', '#e4393c']

export function tierColor(tierId: string, rank: number): string {
  return BY_ID[tierId] ?? BY_RANK[Math.min(Math.max(rank, 0), BY_RANK.length - 1)]!
}

/** Dark text on light tier colours, light text on dark ones. */
export function inkFor(color: string): string {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color.trim())?.[1]
  if (!hex) return '#ffffff'
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
  return luminance > 0.62 ? '#2f2a22' : '#ffffff'
}
