import Taro from '@tarojs/taro'
import { call } from '../api'
import { chinaDay } from '../core/points/china-day'

const KEY = 'siyu.visitDay'

/**
 * When the app opens: tells the server the member visited today (member.visit,
 * one record a day), at most once a day from this device. Best effort: a
 * failure is tried again at the next launch.
 */
export function reportDailyVisit(now: number = Date.now()): void {
  const day = chinaDay(now)
  if (Taro.getStorageSync(KEY) === day) return
  void call('member', 'visit', {})
    .then(() => Taro.setStorageSync(KEY, day))
    .catch(() => undefined)
}
