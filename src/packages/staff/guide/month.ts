/** `YYYY-MM` arithmetic for the month switcher (Shanghai months, as the server counts them). */
export function shiftMonth(period: string, by: number): string {
  const [year, month] = period.split('-').map(Number)
  const index = year * 12 + (month - 1) + by
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

export const monthLabel = (period: string): string => {
  const [year, month] = period.split('-')
  return `${year}年${Number(month)}月`
}
