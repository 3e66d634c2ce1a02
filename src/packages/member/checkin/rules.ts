import type { CheckInRules } from '../../../core/points/checkin'

/** 签到规则 in words, one line each. */
export function ruleLines(rules: CheckInRules): string[] {
  const lines = [`每日签到得 ${rules.basePoints} 积分`]
  for (const bonus of [...rules.bonuses].sort((a, b) => a.day - b.day)) lines.push(`连续签到第 ${bonus.day} 天，额外得 ${bonus.points} 积分`)
  if (rules.cycleDays > 0 && rules.bonuses.length > 0) lines.push(`每连续 ${rules.cycleDays} 天为一轮，断签后从第 1 天重新计算`)
  else lines.push('断签后连续天数从 1 重新计算')
  return lines
}
