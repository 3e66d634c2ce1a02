import { chinaDay, isCalendarDay } from '../points/china-day';

/** A birthday `YYYY-MM-DD`: a real day, not after today, not before 1900. */
export function birthdayProblem(birthday: string, now: number): string | null {
  if (!isCalendarDay(birthday)) return '生日须为有效日期（YYYY-MM-DD）';
  if (birthday > chinaDay(now)) return '生日不能晚于今天';
  if (birthday < '1900-01-01') return '生日不能早于 1900 年';
  return null;
}

/** Whether `now` (Shanghai) falls in the birthday's month. */
export const isBirthMonth = (birthday: string, now: number): boolean => birthday.slice(5, 7) === chinaDay(now).slice(5, 7);
