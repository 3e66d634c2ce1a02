/** 90 → "1.5 小时"; 30 → "30 分钟"; 1440 → "24 小时". */
export function timeLimitText(minutes: number): string {
  if (minutes < 60) return `${minutes} 分钟`
  const hours = minutes / 60
  return `${Number.isInteger(hours) ? hours : hours.toFixed(1)} 小时`
}

/** The time limits offered when creating a group-buy (10 min – 72 h). */
export const TIME_LIMIT_OPTIONS = [30, 60, 120, 360, 720, 1440, 2880, 4320].map((value) => ({ value, label: timeLimitText(value).replace(' ', '') }))
